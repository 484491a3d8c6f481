import type Stripe from "stripe";
import type { Executor } from "@/db/client";
import type { ProcessorAccount } from "@/db/schema";
import { ProcessorCallError, type HostedPayment, type HostedPaymentRequest, type PaymentObservation } from "../processor";
import { observeCheckoutSession } from "./payment-observation";
import { callStripe } from "./stripe-call";

// Checkout Sessions on the practice's connected account (direct charges): the money, the fees and
// the disputes are the practice's; we only ever act with the `stripeAccount` request option.

/** Request options for calls made under the patient session's row lock (start-payment.ts): a slow Stripe gives up in seconds, not the SDK's default 80 s, retried. */
export const UNDER_LOCK: Pick<Stripe.RequestOptions, "timeout" | "maxNetworkRetries"> = { timeout: 15_000, maxNetworkRetries: 1 };

// Expanded on every read, so one retrieval carries the card, the fee and the refunds.
const EXPAND = ["payment_intent.latest_charge.balance_transaction"];

/**
 * Creates the Checkout Session for one payment. Saved cards: Checkout shows the customer's saved
 * cards itself (all of them, whatever their redisplay setting), so a patient who picked one on our
 * page picks it again there; we never charge a card without the patient on Stripe's page.
 */
export async function createStripeCheckout(_db: Executor, account: ProcessorAccount, req: HostedPaymentRequest, idempotencyKey: string): Promise<HostedPayment> {
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: "payment",
    line_items: [{ quantity: 1, price_data: { currency: req.currency, unit_amount: req.amountCents, product_data: { name: req.description } } }],
    client_reference_id: req.paymentId,
    metadata: { payment_id: req.paymentId },
    payment_intent_data: {
      metadata: { payment_id: req.paymentId },
      ...(req.saveCard && req.customerId ? { setup_future_usage: "on_session" as const } : {}),
    },
    ...(req.customerId ? { customer: req.customerId, saved_payment_method_options: { allow_redisplay_filters: ["always", "limited", "unspecified"] } } : {}),
    success_url: req.successUrl,
    cancel_url: req.cancelUrl,
    expires_at: Math.floor(req.expiresAt.getTime() / 1000),
  };
  const session = await callStripe("Checkout Session create", (stripe) => stripe.checkout.sessions.create(params, { stripeAccount: account.externalAccountId, idempotencyKey, ...UNDER_LOCK }));
  if (!session.url) throw new ProcessorCallError("failed", `Checkout Session ${session.id} has no URL`);
  return { sessionId: session.id, url: session.url };
}

/** Reads a Checkout Session (with its charge) from the practice's account. */
export async function retrieveStripeCheckout(_db: unknown, account: ProcessorAccount, sessionId: string): Promise<PaymentObservation> {
  const reportedAt = new Date();
  const session = await callStripe("Checkout Session retrieve", (stripe) =>
    stripe.checkout.sessions.retrieve(sessionId, { expand: EXPAND }, { stripeAccount: account.externalAccountId }),
  );
  return observeCheckoutSession(session, reportedAt);
}

/** Expires an open Checkout Session; one that is no longer open is read instead, so a payment that won the race is reported as paid. */
export async function expireStripeCheckout(db: unknown, account: ProcessorAccount, sessionId: string): Promise<PaymentObservation> {
  try {
    await callStripe(
      "Checkout Session expire",
      (stripe) => stripe.checkout.sessions.expire(sessionId, {}, { stripeAccount: account.externalAccountId }),
      // Stripe refuses to expire a session that isn't open; what it is instead is what we want to know.
      (err) => err.type === "StripeInvalidRequestError" && err.code !== "resource_missing",
    );
  } catch (err) {
    if (!(err instanceof ProcessorCallError) || err.code !== "failed") throw err;
  }
  return retrieveStripeCheckout(db, account, sessionId);
}
