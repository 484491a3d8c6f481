import { observeAsyncFailure } from "../../payment-observation";
import type { EventHandler } from "../event-handler";
import { applyToPayment } from "./find-event-payment";

/** A delayed payment method failed: a pending payment becomes failed; a paid one is never touched. */
export const handleCheckoutAsyncPaymentFailed: EventHandler<"checkout.session.async_payment_failed"> = async (tx, event) => {
  const session = event.data.object;
  return applyToPayment(tx, event.account, { paymentId: session.metadata?.payment_id ?? session.client_reference_id, checkoutSessionId: session.id }, observeAsyncFailure());
};
