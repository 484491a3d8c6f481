import Stripe from "stripe";
import type { Database } from "@/db/client";
import type { ProcessorAccount } from "@/db/schema";
import { processorFailure } from "../failure";
import type { ProcessorActor, StatusRefresh } from "../processor";
import { toProcessorStatus } from "../processor-status";
import { saveProcessorStatus } from "../save-processor-status";
import { statusReportFromAccount, toStripeSecond } from "./account-status";
import { stripeClient } from "./client";

/** Reads the connected account from Stripe and saves its status on this practice's row (unless a newer event already did). */
export async function refreshStripeAccountStatus(db: Database, actor: ProcessorActor, account: ProcessorAccount): Promise<StatusRefresh> {
  const stripe = stripeClient();
  if (!stripe) return processorFailure("unavailable");
  // Dated before the request: the answer is at least this fresh.
  const asOf = toStripeSecond(new Date());
  let remote: Stripe.Account;
  try {
    remote = await stripe.accounts.retrieve(account.externalAccountId);
  } catch (err) {
    if (!(err instanceof Stripe.errors.StripeError)) throw err;
    console.error(`Stripe account refresh failed for tenant ${actor.tenantId}: ${err.type} ${err.message}`);
    return processorFailure("processor-error");
  }
  const saved = await db.transaction((tx) =>
    saveProcessorStatus(
      tx,
      { kind: "stripe", externalAccountId: account.externalAccountId, tenantId: actor.tenantId },
      statusReportFromAccount(remote, asOf),
      { actorUserId: actor.actorUserId, ip: actor.ip, reason: "Refreshed from Stripe" },
    ),
  );
  // Disconnected while we were asking.
  if (saved.outcome === "unknown-account") return processorFailure("not-connected");
  return { ok: true, status: toProcessorStatus(saved.account), portalChanged: saved.portalChanged };
}
