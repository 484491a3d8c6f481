import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clinics, messages, patients, payments } from "@/db/schema";
import { displayedBalanceCents } from "@/lib/payments/displayed-balance";

/** One patient of this practice with their payments and messages; null for an id that isn't this practice's. */
export async function loadPatientDetail(db: Executor, tenantId: string, patientId: string) {
  const [row] = await db
    .select({ patient: patients, clinicName: clinics.name })
    .from(patients)
    .leftJoin(clinics, eq(clinics.id, patients.clinicId))
    .where(and(eq(patients.tenantId, tenantId), eq(patients.id, patientId)));
  if (!row) return null;
  const [paymentRows, messageRows, owed] = await Promise.all([
    db
      .select()
      .from(payments)
      .where(and(eq(payments.tenantId, tenantId), eq(payments.patientId, patientId)))
      .orderBy(desc(payments.createdAt))
      .limit(50),
    db
      .select()
      .from(messages)
      .where(and(eq(messages.tenantId, tenantId), eq(messages.patientId, patientId)))
      .orderBy(desc(messages.createdAt))
      .limit(50),
    displayedBalanceCents(db, row.patient),
  ]);
  return { ...row, payments: paymentRows, messages: messageRows, owedCents: owed };
}
