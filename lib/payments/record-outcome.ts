import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { payments, type NewPayment, type Payment, type PaymentStatus } from "@/db/schema";
import type { PaymentObservation } from "./processor";

export interface RecordedOutcome {
  payment: Payment;
  /** True only for the call that moved the payment to paid: the receipt is due after commit. */
  becamePaid: boolean;
}

/** Our receipt number for a payment: CS- and its sequence number, zero-padded. */
export function receiptNumberFor(seq: number): string {
  return `CS-${String(seq).padStart(8, "0")}`;
}

/** The status of a paid payment with this much refunded. */
export function paidStatus(amountCents: number, refundedCents: number): PaymentStatus {
  if (refundedCents >= amountCents) return "refunded";
  return refundedCents > 0 ? "partially_refunded" : "succeeded";
}

/**
 * Applies what a processor reported to one payment of one practice, inside the caller's
 * transaction and under the payment's row lock, so webhooks, the return page and the demo page
 * can all report the same thing in any order, any number of times, and the row ends the same.
 *
 * - Paid: pending, failed or canceled → succeeded, once (succeeded_at and the receipt number are
 *   set then and never again). Money moving is a fact: even a payment we canceled is recorded
 *   if the processor says the patient paid it. Missing card/fee details are filled in later.
 * - Refunds: refunded_cents only grows, so an older event never undoes a newer one.
 * - Expired / async failure: only a pending payment becomes canceled / failed; a paid one never does.
 * - A declined attempt: the failure message is kept on the still-pending payment.
 *
 * Returns null when the payment isn't this practice's.
 */
export async function recordPaymentOutcome(tx: Transaction, where: { tenantId: string; paymentId: string }, seen: PaymentObservation): Promise<RecordedOutcome | null> {
  const [row] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.id, where.paymentId), eq(payments.tenantId, where.tenantId)))
    .for("update");
  if (!row) return null;

  const patch: Partial<NewPayment> = {};
  const wasPaid = row.succeededAt !== null;
  const becamePaid = !wasPaid && seen.paid !== undefined;
  if (seen.paid) {
    const facts = seen.paid;
    if (becamePaid) {
      patch.succeededAt = facts.paidAt;
      patch.receiptNumber = receiptNumberFor(row.seq);
      patch.failureMessage = null;
    }
    if (!row.processorPaymentId && facts.processorPaymentId) patch.processorPaymentId = facts.processorPaymentId;
    if (!row.cardBrand && facts.cardBrand) patch.cardBrand = facts.cardBrand;
    if (!row.cardLast4 && facts.cardLast4) patch.cardLast4 = facts.cardLast4;
    if (row.feeCents === null && facts.feeCents !== null) patch.feeCents = facts.feeCents;
  }

  if (wasPaid || becamePaid) {
    const reported = seen.refundedCents ?? 0;
    const refunded = Math.min(row.amountCents, Math.max(row.refundedCents, reported));
    if (refunded !== row.refundedCents) patch.refundedCents = refunded;
    const status = paidStatus(row.amountCents, refunded);
    if (status !== row.status) patch.status = status;
  } else if (row.status === "pending") {
    if (seen.ended === "expired") patch.status = "canceled";
    else if (seen.ended === "failed") {
      patch.status = "failed";
      patch.failureMessage = seen.failureMessage ?? "The payment didn't go through.";
    } else if (seen.failureMessage && seen.failureMessage !== row.failureMessage) patch.failureMessage = seen.failureMessage;
  }

  if (Object.keys(patch).length === 0) return { payment: row, becamePaid: false };
  const [updated] = await tx.update(payments).set(patch).where(eq(payments.id, row.id)).returning();
  return { payment: updated!, becamePaid };
}
