import type { ProcessorAccount } from "@/db/schema";
import type { RefundDone, RefundRequest } from "../processor";
import { callStripe, idOf } from "./stripe-call";

/** Refunds a direct charge on the practice's account (our idempotency key: a retry returns the first refund), then reads the charge's total refunded. */
export async function createStripeRefund(_db: unknown, account: ProcessorAccount, req: RefundRequest): Promise<RefundDone> {
  const stripeAccount = account.externalAccountId;
  const refund = await callStripe("refund", (stripe) =>
    stripe.refunds.create(
      { payment_intent: req.processorPaymentId, amount: req.amountCents, reason: "requested_by_customer", metadata: { payment_id: req.paymentId } },
      { stripeAccount, idempotencyKey: req.idempotencyKey },
    ),
  );
  const chargeId = idOf(refund.charge);
  let totalRefundedCents: number | null = null;
  if (chargeId) {
    try {
      totalRefundedCents = (await callStripe("charge retrieve", (stripe) => stripe.charges.retrieve(chargeId, {}, { stripeAccount }))).amount_refunded;
    } catch {
      // The refund stands; charge.refunded will bring the total.
    }
  }
  return { refundId: refund.id, totalRefundedCents };
}
