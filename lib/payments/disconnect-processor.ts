import type { Database } from "@/db/client";
import { processorFor } from "./available-processors";
import { processorFailure } from "./failure";
import type { Disconnection, ProcessorActor } from "./processor";
import { loadProcessorAccount } from "./processor-status";

/** Disconnects whichever processor the practice has: our row is deleted and audited; patients can no longer pay. */
export async function disconnectProcessor(db: Database, actor: ProcessorActor): Promise<Disconnection> {
  const account = await loadProcessorAccount(db, actor.tenantId);
  if (!account) return processorFailure("not-connected");
  return processorFor(account.kind).disconnect(db, actor);
}
