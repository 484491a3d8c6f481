import type { Executor } from "@/db/client";
import { processorFor } from "./available-processors";
import { processorFailure } from "./failure";
import type { DashboardLink } from "./processor";
import { loadProcessorAccount } from "./processor-status";

/** A one-time link into the practice's own processor dashboard (Stripe Express, once onboarded); refused for the demo processor. */
export async function processorDashboardLink(db: Executor, tenantId: string): Promise<DashboardLink> {
  const account = await loadProcessorAccount(db, tenantId);
  if (!account) return processorFailure("not-connected");
  const createLink = processorFor(account.kind).createDashboardLink;
  return createLink ? createLink(account) : processorFailure("unavailable");
}
