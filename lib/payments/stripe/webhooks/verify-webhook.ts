import Stripe from "stripe";

/** The event Stripe signed, or null when the secret or signature is missing or the signature doesn't match this exact raw body. */
export function verifyStripeWebhook(rawBody: string, signature: string | null, secret: string | undefined): Stripe.Event | null {
  if (!secret || !signature) return null;
  try {
    // Verification needs no API key, so the platform can verify events even before Stripe keys are set.
    return Stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    return null;
  }
}
