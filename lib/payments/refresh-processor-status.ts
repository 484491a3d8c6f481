import type { Database } from "@/db/client";
import { processorFor } from "./available-processors";
import { processorFailure } from "./failure";
import type { ProcessorActor, StatusRefresh } from "./processor";
import { loadProcessorAccount } from "./processor-status";

/** Asks the practice's processor for its current status and saves it (the Stripe return page calls this). */
export async function refreshProcessorStatus(db: Database, actor: ProcessorActor): Promise<StatusRefresh> {
  const account = await loadProcessorAccount(db, actor.tenantId);
  if (!account) return processorFailure("not-connected");
  return processorFor(account.kind).refreshStatus(db, actor, account);
}
