import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { payments } from "@/db/schema";
import { recordAudit, type AuditInput } from "@/lib/audit/record-audit";
import { isUuid } from "./payment-lookup";

/**
 * Marks one of the practice's paid payments as entered in its practice software. Idempotent: true
 * when it is (now or already) posted, audited only the first time; false for an unknown, unpaid or
 * other practice's payment, which is left untouched.
 */
export async function markPaymentPosted(
  db: Database,
  input: { tenantId: string; paymentId: string; actorUserId: string | null; ip?: string | null; actorKind?: AuditInput["actorKind"] },
): Promise<boolean> {
  if (!isUuid(input.tenantId) || !isUuid(input.paymentId)) return false;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.id, input.paymentId), eq(payments.tenantId, input.tenantId)))
      .for("update");
    if (!row || row.succeededAt === null) return false;
    if (row.postedAt) return true;
    const postedAt = new Date();
    await tx.update(payments).set({ postedAt }).where(eq(payments.id, row.id));
    await recordAudit(tx, {
      tenantId: row.tenantId,
      actorUserId: input.actorUserId,
      actorKind: input.actorKind,
      action: "payment.posted",
      after: { paymentId: row.id, receiptNumber: row.receiptNumber, postedAt: postedAt.toISOString() },
      ip: input.ip,
    });
    return true;
  });
}
