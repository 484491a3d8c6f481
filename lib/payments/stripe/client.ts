import Stripe from "stripe";
import { env } from "@/lib/env";

let cached: Stripe | undefined;

/** True when a Stripe secret key is configured (card payments through Stripe are available). */
export function isStripeConfigured(): boolean {
  return Boolean(env().STRIPE_SECRET_KEY);
}

/** One Stripe SDK per process for the configured key, pointed at STRIPE_API_BASE when set; null when Stripe is not configured. */
export function stripeClient(): Stripe | null {
  const { STRIPE_SECRET_KEY, STRIPE_API_BASE } = env();
  if (!STRIPE_SECRET_KEY) return null;
  cached ??= new Stripe(STRIPE_SECRET_KEY, STRIPE_API_BASE ? fakeServerConfig(STRIPE_API_BASE) : { maxNetworkRetries: 2 });
  return cached;
}

// A local fake answers at once and records every request; retries would only hide its errors.
function fakeServerConfig(base: string): Stripe.StripeConfig {
  const url = new URL(base);
  const protocol = url.protocol === "https:" ? "https" : "http";
  return { host: url.hostname, port: url.port || (protocol === "https" ? 443 : 80), protocol, maxNetworkRetries: 0 };
}
