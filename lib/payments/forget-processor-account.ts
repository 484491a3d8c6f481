import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { processorAccounts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { processorFailure } from "./failure";
import type { Disconnection, ProcessorActor } from "./processor";

/** Deletes the practice's processor_accounts row and audits it, in one transaction; the account at the processor is left alone. */
export async function forgetProcessorAccount(db: Database, actor: ProcessorActor): Promise<Disconnection> {
  return db.transaction(async (tx) => {
    const [removed] = await tx.delete(processorAccounts).where(eq(processorAccounts.tenantId, actor.tenantId)).returning();
    if (!removed) return processorFailure("not-connected");
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.actorUserId,
      action: "processor.disconnected",
      before: { kind: removed.kind, externalAccountId: removed.externalAccountId, chargesEnabled: removed.chargesEnabled },
      ip: actor.ip,
    });
    return { ok: true, portalChanged: removed.chargesEnabled };
  });
}
