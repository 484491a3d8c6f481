import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { payments, type Patient } from "@/db/schema";

type BalancePatient = Pick<Patient, "id" | "tenantId" | "balanceCents" | "balanceAsOf">;

/**
 * What each patient still owes: the balance from the practice's last statement, less what they paid online since
 * (net of refunds). Payments before the statement are already in its balance. One query per 1,000 patients, so a
 * bulk send never runs one query per patient.
 */
export async function displayedBalances(db: Executor, tenantId: string, list: BalancePatient[]): Promise<Map<string, number>> {
  const paid = new Map<string, number>();
  for (let i = 0; i < list.length; i += 1000) {
    const chunk = list.slice(i, i + 1000);
    const rows = await db
      .select({ patientId: payments.patientId, succeededAt: payments.succeededAt, net: sql<string>`${payments.amountCents} - ${payments.refundedCents}` })
      .from(payments)
      .where(
        and(
          eq(payments.tenantId, tenantId),
          inArray(
            payments.patientId,
            chunk.map((p) => p.id),
          ),
          inArray(payments.status, ["succeeded", "partially_refunded", "refunded"]),
          gt(payments.succeededAt, new Date(0)),
        ),
      );
    const since = new Map(chunk.map((p) => [p.id, (p.balanceAsOf ?? new Date(0)).getTime()]));
    for (const r of rows) {
      if (!r.succeededAt || r.succeededAt.getTime() <= (since.get(r.patientId) ?? 0)) continue;
      paid.set(r.patientId, (paid.get(r.patientId) ?? 0) + Number(r.net));
    }
  }
  return new Map(list.map((p) => [p.id, Math.max(0, p.balanceCents - (paid.get(p.id) ?? 0))]));
}

/** What one patient still owes (see displayedBalances). */
export async function displayedBalanceCents(db: Executor, patient: BalancePatient): Promise<number> {
  return (await displayedBalances(db, patient.tenantId, [patient])).get(patient.id) ?? 0;
}
