import { observeIntentFailure } from "../../payment-observation";
import type { EventHandler } from "../event-handler";
import { applyToPayment } from "./find-event-payment";

/**
 * A declined attempt. Checkout lets the patient try another card on the same page, so the payment
 * stays pending with the decline message (for the office and the result page); never touches a paid one.
 */
export const handlePaymentIntentFailed: EventHandler<"payment_intent.payment_failed"> = async (tx, event) => {
  const intent = event.data.object;
  return applyToPayment(tx, event.account, { paymentId: intent.metadata?.payment_id, processorPaymentId: intent.id }, observeIntentFailure(intent));
};
