import { forgetProcessorAccount } from "../forget-processor-account";
import type { CardProcessor } from "../processor";
import { createStripeLoginLink } from "./create-login-link";
import { createStripeRefund } from "./create-refund";
import { createStripeCheckout, expireStripeCheckout, retrieveStripeCheckout } from "./checkout-session";
import { createStripeCustomer, deleteStripeCard, listStripeCards, startStripeAddCard } from "./customer-cards";
import { refreshStripeAccountStatus } from "./refresh-account-status";
import { startStripeOnboarding } from "./start-onboarding";

/** Stripe Connect with Express accounts: the practice onboards on Stripe's hosted pages and is paid directly (direct charges on its account). */
export const stripeProcessor: CardProcessor = {
  kind: "stripe",
  label: "Stripe",
  startOnboarding: startStripeOnboarding,
  refreshStatus: refreshStripeAccountStatus,
  createDashboardLink: createStripeLoginLink,
  disconnect: forgetProcessorAccount,
  createHostedPayment: createStripeCheckout,
  retrievePayment: retrieveStripeCheckout,
  expireHostedPayment: expireStripeCheckout,
  refund: createStripeRefund,
  createCustomer: createStripeCustomer,
  listSavedCards: listStripeCards,
  startAddCard: startStripeAddCard,
  deleteSavedCard: deleteStripeCard,
};
