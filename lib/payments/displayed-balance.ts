import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { payments, type Patient } from "@/db/schema";

/**
 * What the patient still owes: the balance from the practice's last statement, less what they paid
 * online since (net of refunds). Payments before the statement are already in the statement's balance.
 */
export async function displayedBalanceCents(db: Executor, patient: Pick<Patient, "id" | "tenantId" | "balanceCents" | "balanceAsOf">): Promise<number> {
  const since = patient.balanceAsOf ?? new Date(0);
  const [row] = await db
    .select({ paid: sql<string>`coalesce(sum(${payments.amountCents} - ${payments.refundedCents}), 0)` })
    .from(payments)
    .where(
      and(
        eq(payments.tenantId, patient.tenantId),
        eq(payments.patientId, patient.id),
        inArray(payments.status, ["succeeded", "partially_refunded", "refunded"]),
        gt(payments.succeededAt, since),
      ),
    );
  return Math.max(0, patient.balanceCents - Number(row?.paid ?? 0));
}
