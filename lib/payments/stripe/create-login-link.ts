import Stripe from "stripe";
import type { ProcessorAccount } from "@/db/schema";
import { processorFailure } from "../failure";
import type { DashboardLink } from "../processor";
import { stripeClient } from "./client";

/** A single-use link into the practice's Stripe Express dashboard; refused until onboarding details are submitted. */
export async function createStripeLoginLink(account: ProcessorAccount): Promise<DashboardLink> {
  const stripe = stripeClient();
  if (!stripe || account.kind !== "stripe") return processorFailure("unavailable");
  if (!account.detailsSubmitted) return processorFailure("not-onboarded");
  try {
    const link = await stripe.accounts.createLoginLink(account.externalAccountId);
    return { ok: true, url: link.url };
  } catch (err) {
    if (!(err instanceof Stripe.errors.StripeError)) throw err;
    console.error(`Stripe login link failed for ${account.externalAccountId}: ${err.type} ${err.message}`);
    return processorFailure("processor-error");
  }
}
