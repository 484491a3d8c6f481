import { saveProcessorStatus } from "../../../save-processor-status";
import { statusReportFromAccount } from "../../account-status";
import type { EventHandler } from "../event-handler";

/** Saves a connected account's status on the one practice whose row holds that account id, unless a newer report is already saved. */
export const handleAccountUpdated: EventHandler<"account.updated"> = async (tx, event) => {
  const account = event.data.object;
  const saved = await saveProcessorStatus(
    tx,
    { kind: "stripe", externalAccountId: account.id },
    statusReportFromAccount(account, new Date(event.created * 1000)),
    { actorUserId: null, reason: `Stripe ${event.type} ${event.id}` },
  );
  // An account we don't hold (disconnected, or another platform's test data): acknowledge and move on.
  if (saved.outcome === "unknown-account") return { tenantId: null };
  return { tenantId: saved.account.tenantId, portalSlug: saved.portalChanged ? saved.tenantSlug : undefined };
};
