import { eq } from "drizzle-orm";
import Stripe from "stripe";
import type { Database } from "@/db/client";
import { processorAccounts, type ProcessorAccount } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { rootUrl } from "@/lib/tenancy/urls";
import { processorFailure } from "../failure";
import type { OnboardingStart, ProcessorActor } from "../processor";
import { loadProcessorAccount } from "../processor-status";
import { statusReportFromAccount, toStripeSecond } from "./account-status";
import { stripeClient } from "./client";

/** Dashboard pages Stripe sends the office back to after (or instead of) hosted onboarding. */
export const ONBOARDING_RETURN_PATH = "/dashboard/processor/return";
export const ONBOARDING_REFRESH_PATH = "/dashboard/processor/refresh";

/** Stripe idempotency key for creating a practice's connected account: retries within Stripe's 24 h window get the same account. */
export function connectedAccountIdempotencyKey(tenantId: string): string {
  return `chairside:connect-account:${tenantId}`;
}

/**
 * Creates the practice's Express account unless it has one (at most one per practice: our row per
 * tenant, and a tenant-derived idempotency key if we crashed between Stripe's answer and our insert),
 * then returns a fresh hosted-onboarding link. Safe to call again, e.g. from the refresh page.
 */
export async function startStripeOnboarding(db: Database, actor: ProcessorActor): Promise<OnboardingStart> {
  const stripe = stripeClient();
  if (!stripe) return processorFailure("unavailable");
  try {
    const existing = await loadProcessorAccount(db, actor.tenantId);
    const { account, portalChanged } = existing ? { account: existing, portalChanged: false } : await createConnectedAccount(db, stripe, actor);
    if (account.kind !== "stripe") return processorFailure("other-processor-connected");
    const link = await stripe.accountLinks.create({
      account: account.externalAccountId,
      type: "account_onboarding",
      return_url: rootUrl(ONBOARDING_RETURN_PATH),
      refresh_url: rootUrl(ONBOARDING_REFRESH_PATH),
    });
    return { ok: true, next: "redirect", url: link.url, portalChanged };
  } catch (err) {
    if (!(err instanceof Stripe.errors.StripeError)) throw err;
    console.error(`Stripe onboarding failed for tenant ${actor.tenantId}: ${err.type} ${err.message}`);
    return processorFailure("processor-error");
  }
}

async function createConnectedAccount(db: Database, stripe: Stripe, actor: ProcessorActor): Promise<{ account: ProcessorAccount; portalChanged: boolean }> {
  let asOf = toStripeSecond(new Date());
  // Only fixed parameters: Stripe refuses a reused idempotency key whose parameters differ.
  let account: Stripe.Account = await stripe.accounts.create(
    {
      type: "express",
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
      metadata: { chairside_tenant_id: actor.tenantId },
    },
    { idempotencyKey: connectedAccountIdempotencyKey(actor.tenantId) },
  );
  // A replay returns the original (possibly day-old) answer; ask for the account as it is now.
  if ((account as Stripe.Response<Stripe.Account>).lastResponse?.headers["idempotent-replayed"] === "true") {
    asOf = toStripeSecond(new Date());
    account = await stripe.accounts.retrieve(account.id);
  }
  const report = statusReportFromAccount(account, asOf);
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(processorAccounts)
      .values({
        tenantId: actor.tenantId,
        kind: "stripe",
        externalAccountId: account.id,
        chargesEnabled: report.chargesEnabled,
        detailsSubmitted: report.detailsSubmitted,
        requirementsDue: report.requirementsDue,
        statusUpdatedAt: report.asOf,
      })
      .onConflictDoNothing({ target: processorAccounts.tenantId })
      .returning();
    // A parallel start for the same practice inserted first; with the same key it holds the same account.
    if (!inserted) {
      const [winner] = await tx.select().from(processorAccounts).where(eq(processorAccounts.tenantId, actor.tenantId));
      return { account: winner!, portalChanged: false };
    }
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.actorUserId,
      action: "processor.connected",
      after: { kind: "stripe", externalAccountId: account.id, chargesEnabled: report.chargesEnabled },
      ip: actor.ip,
    });
    // Only a replayed, already-onboarded account (reconnected within Stripe's 24 h) can open the portal here.
    return { account: inserted, portalChanged: report.chargesEnabled };
  });
}
