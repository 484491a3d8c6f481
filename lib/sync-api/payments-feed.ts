import { and, asc, eq, gt, isNotNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clinics, patients, payments } from "@/db/schema";
import { toApiPayment, type ApiPayment } from "./payment-view";

export interface FeedEntry {
  position: number;
  payment: ApiPayment;
}

/**
 * The practice's payment changes after `position`, in feed order (payments.feed_seq, handed out in commit order by
 * the migration's trigger). Reading `limit` entries and continuing from the last position never misses or
 * repeats a change, even while payments are being written.
 */
export async function readPaymentsFeed(db: Executor, tenantId: string, position: number, limit: number): Promise<FeedEntry[]> {
  const rows = await db
    .select({ payment: payments, externalId: patients.externalId, clinicSlug: clinics.slug })
    .from(payments)
    .innerJoin(patients, eq(patients.id, payments.patientId))
    .leftJoin(clinics, eq(clinics.id, payments.clinicId))
    .where(and(eq(payments.tenantId, tenantId), isNotNull(payments.feedSeq), gt(payments.feedSeq, position)))
    .orderBy(asc(payments.feedSeq))
    .limit(limit);
  return rows.map((r) => ({ position: Number(r.payment.feedSeq), payment: toApiPayment(r.payment, r.externalId, r.clinicSlug) }));
}
