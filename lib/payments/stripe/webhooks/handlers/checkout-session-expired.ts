import type { EventHandler } from "../event-handler";
import { applyToPayment } from "./find-event-payment";

/** The Checkout page closed unpaid: a pending payment becomes canceled; a paid one (an out-of-order delivery) stays paid. */
export const handleCheckoutSessionExpired: EventHandler<"checkout.session.expired"> = async (tx, event) => {
  const session = event.data.object;
  return applyToPayment(tx, event.account, { paymentId: session.metadata?.payment_id ?? session.client_reference_id, checkoutSessionId: session.id }, { ended: "expired" });
};
