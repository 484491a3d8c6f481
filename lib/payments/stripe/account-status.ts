import type Stripe from "stripe";
import type { StatusReport } from "../save-processor-status";

/** What a Stripe account object says about taking charges, as a report dated `asOf`. */
export function statusReportFromAccount(account: Stripe.Account, asOf: Date): StatusReport {
  return {
    chargesEnabled: account.charges_enabled === true,
    detailsSubmitted: account.details_submitted === true,
    requirementsDue: [...(account.requirements?.currently_due ?? [])],
    asOf,
  };
}

/** `date` truncated to whole seconds, the resolution of Stripe's event times: an event from the same second as our own read then counts as a tie (applied), not as older. */
export function toStripeSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
