import type { Database } from "@/db/client";
import { loadPayment } from "@/lib/payments/payment-lookup";
import { markPaymentPosted } from "@/lib/payments/mark-posted";

export type PostOutcome = { ok: true; id: string; postedAt: string } | { ok: false; code: "not_found" | "payment_not_postable" };

/** Marks one of the practice's paid payments posted (idempotent; the first time is kept); other practices' payments are not found. */
export async function postPayment(db: Database, tenantId: string, paymentId: string): Promise<PostOutcome> {
  const existing = await loadPayment(db, tenantId, paymentId);
  if (!existing) return { ok: false, code: "not_found" };
  if (!(await markPaymentPosted(db, { tenantId, paymentId, actorUserId: null, actorKind: "api" }))) return { ok: false, code: "payment_not_postable" };
  const posted = await loadPayment(db, tenantId, paymentId);
  return { ok: true, id: paymentId, postedAt: posted!.postedAt!.toISOString() };
}
