import { forgetProcessorAccount } from "../forget-processor-account";
import type { CardProcessor } from "../processor";
import { toProcessorStatus } from "../processor-status";
import { connectDemoProcessor } from "./connect-demo";

/** The built-in demo processor, offered only when Stripe isn't configured: connects at once, nothing remote to ask. */
export const demoProcessor: CardProcessor = {
  kind: "demo",
  label: "Demo processor (no real cards)",
  startOnboarding: connectDemoProcessor,
  refreshStatus: async (_db, _actor, account) => ({ ok: true, status: toProcessorStatus(account), portalChanged: false }),
  disconnect: forgetProcessorAccount,
};
