import { observeCheckoutSession } from "../../payment-observation";
import type { EventHandler } from "../event-handler";
import { applyToPayment } from "./find-event-payment";

/** Paid → the payment succeeds (once); unpaid (an asynchronous method still processing) → it stays pending. Add-card (setup) sessions need nothing: the card is on the customer. */
export const handleCheckoutSessionCompleted: EventHandler<"checkout.session.completed"> = async (tx, event) => {
  const session = event.data.object;
  if (session.mode !== "payment") return { tenantId: null };
  return applyToPayment(tx, event.account, { paymentId: session.metadata?.payment_id ?? session.client_reference_id, checkoutSessionId: session.id }, observeCheckoutSession(session, new Date(event.created * 1000)));
};
