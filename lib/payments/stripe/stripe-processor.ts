import { forgetProcessorAccount } from "../forget-processor-account";
import type { CardProcessor } from "../processor";
import { createStripeLoginLink } from "./create-login-link";
import { refreshStripeAccountStatus } from "./refresh-account-status";
import { startStripeOnboarding } from "./start-onboarding";

/** Stripe Connect with Express accounts: the practice onboards on Stripe's hosted pages and is paid directly. */
export const stripeProcessor: CardProcessor = {
  kind: "stripe",
  label: "Stripe",
  startOnboarding: startStripeOnboarding,
  refreshStatus: refreshStripeAccountStatus,
  createDashboardLink: createStripeLoginLink,
  disconnect: forgetProcessorAccount,
};
