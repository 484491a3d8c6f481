import type { Database } from "@/db/client";
import { processorAccounts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { processorFailure } from "../failure";
import type { OnboardingStart, ProcessorActor } from "../processor";
import { loadProcessorAccount, toProcessorStatus } from "../processor-status";

/** Connects the built-in demo processor in one step, charges enabled; connecting again is a no-op. */
export async function connectDemoProcessor(db: Database, actor: ProcessorActor): Promise<OnboardingStart> {
  const connected = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(processorAccounts)
      .values({
        tenantId: actor.tenantId,
        kind: "demo",
        // Our own id: there is no account anywhere else.
        externalAccountId: `demo_${actor.tenantId}`,
        chargesEnabled: true,
        detailsSubmitted: true,
        requirementsDue: [],
        statusUpdatedAt: new Date(),
      })
      .onConflictDoNothing({ target: processorAccounts.tenantId })
      .returning();
    if (!row) return null;
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.actorUserId,
      action: "processor.connected",
      after: { kind: "demo", externalAccountId: row.externalAccountId, chargesEnabled: true },
      ip: actor.ip,
    });
    return row;
  });
  if (connected) return { ok: true, next: "connected", status: toProcessorStatus(connected), portalChanged: true };

  const existing = await loadProcessorAccount(db, actor.tenantId);
  if (existing?.kind === "demo") return { ok: true, next: "connected", status: toProcessorStatus(existing), portalChanged: false };
  // Disconnected between our insert and this read: rare enough to just ask again.
  return existing ? processorFailure("other-processor-connected") : processorFailure("processor-error");
}
