import type { EventHandlerRegistry } from "../event-handler";
import { handleAccountUpdated } from "./account-updated";
import { handleChargeRefunded } from "./charge-refunded";
import { handleCheckoutAsyncPaymentFailed } from "./checkout-session-async-payment-failed";
import { handleCheckoutAsyncPaymentSucceeded } from "./checkout-session-async-payment-succeeded";
import { handleCheckoutSessionCompleted } from "./checkout-session-completed";
import { handleCheckoutSessionExpired } from "./checkout-session-expired";
import { handlePaymentIntentFailed } from "./payment-intent-payment-failed";

/** The handler for each allowed event type; a type without one here is acknowledged and ignored. Adding one is one line. */
export const eventHandlers: EventHandlerRegistry = {
  "account.updated": handleAccountUpdated,
  "checkout.session.completed": handleCheckoutSessionCompleted,
  "checkout.session.async_payment_succeeded": handleCheckoutAsyncPaymentSucceeded,
  "checkout.session.async_payment_failed": handleCheckoutAsyncPaymentFailed,
  "checkout.session.expired": handleCheckoutSessionExpired,
  "payment_intent.payment_failed": handlePaymentIntentFailed,
  "charge.refunded": handleChargeRefunded,
};
