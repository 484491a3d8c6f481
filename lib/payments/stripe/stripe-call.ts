import Stripe from "stripe";
import { ProcessorCallError, type ProcessorCallErrorCode } from "../processor";
import { stripeClient } from "./client";

/** Runs one Stripe call; any Stripe error becomes a ProcessorCallError, logged unless `expected` says it is an answer we planned for (other errors, our bugs, pass through). */
export async function callStripe<T>(what: string, call: (stripe: Stripe) => Promise<T>, expected?: (err: Stripe.errors.StripeError) => boolean): Promise<T> {
  const stripe = stripeClient();
  if (!stripe) throw new ProcessorCallError("unavailable", "Stripe is not configured");
  try {
    return await call(stripe);
  } catch (err) {
    if (!(err instanceof Stripe.errors.StripeError)) throw err;
    // Stripe's messages name ids and amounts, never the patient: safe for the server log.
    if (!expected?.(err)) console.error(`Stripe ${what} failed: ${err.type}${err.code ? ` ${err.code}` : ""} ${err.message}`);
    throw new ProcessorCallError(codeFor(err), err.message);
  }
}

function codeFor(err: Stripe.errors.StripeError): ProcessorCallErrorCode {
  if (err.code === "resource_missing") return "not_found";
  if (err.code === "amount_too_large") return "amount_too_large";
  if (err.code === "charge_already_refunded") return "already_refunded";
  if (err.code === "charge_not_refundable" || err.code === "charge_disputed") return "not_refundable";
  return "failed";
}

/** The id of an expandable field, whether Stripe sent the id or the object. */
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}
