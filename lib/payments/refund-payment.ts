import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { payments, type Payment } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { formatCents } from "@/lib/money";
import { loadPayment, processorForPayment } from "./payment-lookup";
import { ProcessorCallError } from "./processor";
import { paidStatus } from "./record-outcome";

export interface RefundInput {
  /** From the staff member's session, never from the form. */
  tenantId: string;
  paymentId: string;
  /** Whole cents, at least 1. */
  amountCents: number;
  actorUserId: string | null;
  ip?: string | null;
}

export type RefundCode = "not_found" | "not_refundable" | "amount_too_large" | "processor_error";
export type RefundResult = { ok: true; payment: Payment } | { ok: false; code: RefundCode; message: string };

// One refund of a payment at a time; a refund whose process died lets the next one through after this.
const CLAIM_MS = 2 * 60_000;

/** Stripe idempotency key for a refund: our payment id and the cumulative amount our refunds will have asked for. A retry after a crash sends the same key and gets the same refund back. */
export function refundIdempotencyKey(paymentId: string, cumulativeRequestedCents: number): string {
  return `refund:${paymentId}:${cumulativeRequestedCents}`;
}

function refusal(code: RefundCode, message: string): RefundResult {
  return { ok: false, code, message };
}

const NOT_FOUND = refusal("not_found", "We couldn't find that payment.");
const PROCESSOR_ERROR = "The card processor didn't answer as expected. Please try again in a minute.";

function tooLarge(payment: Payment): RefundResult {
  const left = payment.amountCents - Math.max(payment.refundedCents, payment.refundRequestedCents);
  return refusal("amount_too_large", `You can refund at most ${formatCents(Math.max(0, left), payment.currency)} of this payment.`);
}

function notRefundable(payment: Payment): RefundResult {
  return payment.status === "refunded"
    ? refusal("not_refundable", "This payment has already been refunded in full.")
    : refusal("not_refundable", "Only a completed payment can be refunded.");
}

/**
 * Refunds all or part of one of the practice's payments through its processor, then records it
 * and audits it in one transaction. Never refunds more than was paid. One refund per payment at
 * a time; a retry of a refund that reached the processor but wasn't recorded (a crash) replays it
 * rather than refunding twice. The processor call is made outside any transaction (it triggers
 * charge.refunded, whose handler needs the row).
 */
export async function refundPayment(db: Database, input: RefundInput): Promise<RefundResult> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents < 1) throw new RangeError("amountCents must be a whole number of cents, at least 1");
  const found = await loadPayment(db, input.tenantId, input.paymentId);
  if (!found) return NOT_FOUND;
  if ((found.status !== "succeeded" && found.status !== "partially_refunded") || !found.processorPaymentId) return notRefundable(found);
  if (input.amountCents > found.amountCents - found.refundRequestedCents) return tooLarge(found);
  const processor = await processorForPayment(db, found);
  if (!processor) return refusal("processor_error", "This payment's card processor is no longer connected to your practice.");

  const now = new Date();
  const [claimed] = await db
    .update(payments)
    .set({ refundClaimedAt: now })
    .where(
      and(
        eq(payments.id, found.id),
        eq(payments.tenantId, input.tenantId),
        or(isNull(payments.refundClaimedAt), lt(payments.refundClaimedAt, new Date(now.getTime() - CLAIM_MS))),
      ),
    )
    .returning();
  if (!claimed) return refusal("processor_error", "Another refund of this payment is in progress. Try again in a minute.");
  const release = () => db.update(payments).set({ refundClaimedAt: null }).where(and(eq(payments.id, claimed.id), eq(payments.refundClaimedAt, now)));

  // Checked again on the claimed row: a refund that finished a moment ago counts.
  if (claimed.status !== "succeeded" && claimed.status !== "partially_refunded") {
    await release();
    return notRefundable(claimed);
  }
  if (input.amountCents > claimed.amountCents - claimed.refundRequestedCents) {
    await release();
    return tooLarge(claimed);
  }
  const requestedAfter = claimed.refundRequestedCents + input.amountCents;
  let done;
  try {
    done = await processor.processor.refund(db, processor.account, {
      paymentId: claimed.id,
      processorPaymentId: claimed.processorPaymentId!,
      amountCents: input.amountCents,
      idempotencyKey: refundIdempotencyKey(claimed.id, requestedAfter),
    });
  } catch (err) {
    await release();
    if (!(err instanceof ProcessorCallError)) throw err;
    const fresh = (await loadPayment(db, input.tenantId, claimed.id)) ?? claimed;
    if (err.code === "amount_too_large") return tooLarge(fresh);
    if (err.code === "already_refunded") return notRefundable({ ...fresh, status: "refunded" });
    if (err.code === "not_refundable") return refusal("not_refundable", "The card processor won't refund this payment (it may be disputed). Check it in your processor's dashboard.");
    return refusal("processor_error", PROCESSOR_ERROR);
  }

  const record = () => db.transaction(async (tx) => {
    const [row] = await tx.select().from(payments).where(eq(payments.id, claimed.id)).for("update");
    const before = row!;
    // Our refunds all happened at the processor, so the charge has refunded at least what we asked for.
    const refundedCents = Math.min(before.amountCents, Math.max(before.refundedCents, requestedAfter, done.totalRefundedCents ?? 0));
    const [after] = await tx
      .update(payments)
      .set({ refundRequestedCents: requestedAfter, refundedCents, status: paidStatus(before.amountCents, refundedCents), refundClaimedAt: null })
      .where(eq(payments.id, before.id))
      .returning();
    await recordAudit(tx, {
      tenantId: before.tenantId,
      actorUserId: input.actorUserId,
      action: "payment.refunded",
      // As it was when this refund began: charge.refunded may have synced the row meanwhile.
      before: { status: claimed.status, refundedCents: claimed.refundedCents },
      after: { status: after!.status, refundedCents: after!.refundedCents, refundCents: input.amountCents, processorRefundId: done.refundId },
      ip: input.ip,
    });
    return after!;
  });
  let payment: Payment;
  try {
    payment = await record();
  } catch (err) {
    // The refund happened but isn't recorded: free the payment so a retry (same key, so the same refund) can record it.
    await release().catch(() => undefined);
    throw err;
  }
  return { ok: true, payment };
}
