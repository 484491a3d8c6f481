import type Stripe from "stripe";

/** Event types our webhook endpoints accept; anything else is acknowledged and ignored. */
export const ALLOWED_EVENT_TYPES = [
  "account.updated",
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "payment_intent.payment_failed",
  "charge.refunded",
] as const satisfies readonly Stripe.Event.Type[];

export type AllowedEventType = (typeof ALLOWED_EVENT_TYPES)[number];
/** The SDK's typed event for one allowed type (or any of them). */
export type AllowedEvent<T extends AllowedEventType = AllowedEventType> = Extract<Stripe.Event, { type: T }>;

const allowed: ReadonlySet<string> = new Set(ALLOWED_EVENT_TYPES);

/** True when we accept events of this type. */
export function isAllowedEvent(event: Stripe.Event): event is AllowedEvent {
  return allowed.has(event.type);
}
