import { forgetProcessorAccount } from "../forget-processor-account";
import type { CardProcessor } from "../processor";
import { toProcessorStatus } from "../processor-status";
import { connectDemoProcessor } from "./connect-demo";
import { createDemoCustomer, deleteDemoCard, listDemoCards, refundDemoPayment, startDemoAddCard } from "./demo-cards";
import { createDemoHostedPayment, expireDemoHostedPayment, retrieveDemoPayment } from "./demo-hosted-payment";

/**
 * The built-in demo processor, offered only when Stripe isn't configured: connects at once, and its
 * hosted page (app/demo-checkout) takes Stripe's public test cards. No money moves, ever.
 */
export const demoProcessor: CardProcessor = {
  kind: "demo",
  label: "Demo processor (no real cards)",
  startOnboarding: connectDemoProcessor,
  refreshStatus: async (_db, _actor, account) => ({ ok: true, status: toProcessorStatus(account), portalChanged: false }),
  disconnect: forgetProcessorAccount,
  createHostedPayment: createDemoHostedPayment,
  retrievePayment: retrieveDemoPayment,
  expireHostedPayment: expireDemoHostedPayment,
  refund: refundDemoPayment,
  createCustomer: createDemoCustomer,
  listSavedCards: listDemoCards,
  startAddCard: startDemoAddCard,
  deleteSavedCard: deleteDemoCard,
};
