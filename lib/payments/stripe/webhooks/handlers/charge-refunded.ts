import { idOf } from "../../stripe-call";
import { observeCharge } from "../../payment-observation";
import type { EventHandler } from "../event-handler";
import { applyToPayment } from "./find-event-payment";

/**
 * Syncs refunds from the charge (amount_refunded: partially_refunded or refunded). Refunds only
 * grow, so an older event never undoes a newer one; and a refunded charge was paid, so this event
 * arriving before checkout.session.completed records the payment as paid too.
 */
export const handleChargeRefunded: EventHandler<"charge.refunded"> = async (tx, event) => {
  const charge = event.data.object;
  return applyToPayment(tx, event.account, { paymentId: charge.metadata?.payment_id, processorPaymentId: idOf(charge.payment_intent) }, observeCharge(charge));
};
