import type Stripe from "stripe";
import type { PaidFacts, PaymentObservation } from "../processor";
import { idOf } from "./stripe-call";

// Stripe objects → the facts our engine records. One place, used by webhooks and retrievals alike,
// so an event and a read of the same state always mean the same thing.

const ASYNC_FAILURE = "The payment didn't go through.";

/** The card brand, last 4 and fee on a charge, when present. */
function chargeFacts(charge: Stripe.Charge | null): Pick<PaidFacts, "cardBrand" | "cardLast4" | "feeCents"> {
  const card = charge?.payment_method_details?.card;
  const txn = charge?.balance_transaction;
  return {
    cardBrand: card?.brand ?? null,
    cardLast4: card?.last4 ?? null,
    feeCents: txn && typeof txn === "object" ? txn.fee : null,
  };
}

/** What a Checkout Session says; with `payment_intent.latest_charge` expanded it also carries the card, fee and refunds. */
export function observeCheckoutSession(session: Stripe.Checkout.Session, reportedAt: Date): PaymentObservation {
  const intent = session.payment_intent && typeof session.payment_intent === "object" ? session.payment_intent : null;
  const charge = intent?.latest_charge && typeof intent.latest_charge === "object" ? intent.latest_charge : null;
  if (session.payment_status === "paid") {
    return {
      paid: { processorPaymentId: idOf(session.payment_intent), ...chargeFacts(charge), paidAt: charge ? new Date(charge.created * 1000) : reportedAt },
      ...(charge ? { refundedCents: charge.amount_refunded } : {}),
    };
  }
  if (session.status === "expired") return { ended: "expired" };
  const lastError = intent?.last_payment_error?.message ?? null;
  // Complete but unpaid: an asynchronous method (a bank debit) is still processing, or it failed.
  if (session.status === "complete" && intent && (intent.status === "requires_payment_method" || intent.status === "canceled")) {
    return { ended: "failed", failureMessage: lastError ?? ASYNC_FAILURE };
  }
  return lastError ? { failureMessage: lastError } : {};
}

/** checkout.session.async_payment_failed: the page closed and the money never came. */
export function observeAsyncFailure(): PaymentObservation {
  return { ended: "failed", failureMessage: ASYNC_FAILURE };
}

/** A charge that succeeded (e.g. from charge.refunded): paid, with card details and the cumulative refund. */
export function observeCharge(charge: Stripe.Charge): PaymentObservation {
  if (charge.status !== "succeeded" && !charge.paid) return {};
  return {
    paid: { processorPaymentId: idOf(charge.payment_intent), ...chargeFacts(charge), paidAt: new Date(charge.created * 1000) },
    refundedCents: charge.amount_refunded,
  };
}

/** payment_intent.payment_failed: a declined attempt; Checkout lets the patient try again on the same page. */
export function observeIntentFailure(intent: Stripe.PaymentIntent): PaymentObservation {
  return { failureMessage: intent.last_payment_error?.message ?? "Your card was declined." };
}
