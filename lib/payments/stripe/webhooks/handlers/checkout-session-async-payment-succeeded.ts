import { observeCheckoutSession } from "../../payment-observation";
import type { EventHandler } from "../event-handler";
import { applyToPayment } from "./find-event-payment";

/** A delayed payment method cleared: the payment succeeds (once). */
export const handleCheckoutAsyncPaymentSucceeded: EventHandler<"checkout.session.async_payment_succeeded"> = async (tx, event) => {
  const session = event.data.object;
  return applyToPayment(tx, event.account, { paymentId: session.metadata?.payment_id ?? session.client_reference_id, checkoutSessionId: session.id }, observeCheckoutSession(session, new Date(event.created * 1000)));
};
