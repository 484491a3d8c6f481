import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { processorAccounts, tenants, type ProcessorAccount, type ProcessorKind } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";

/** A processor's report of an account's state at one moment. */
export interface StatusReport {
  chargesEnabled: boolean;
  detailsSubmitted: boolean;
  requirementsDue: string[];
  /** When the processor reported this state; a report older than the one saved is dropped. */
  asOf: Date;
}

export interface StatusAudit {
  actorUserId: string | null;
  ip?: string | null;
  /** Where the report came from, e.g. `Stripe account.updated evt_…`. */
  reason: string;
}

export type SaveStatusResult =
  | { outcome: "saved"; account: ProcessorAccount; tenantSlug: string; portalChanged: boolean }
  | { outcome: "stale"; account: ProcessorAccount; tenantSlug: string; portalChanged: false }
  | { outcome: "unknown-account" };

/**
 * Saves a status report on the processor account it describes, inside the caller's transaction.
 * Never regresses: a report older than the saved one changes nothing (equal times apply, so the
 * later arrival wins a tie within Stripe's one-second resolution). A change in whether the practice
 * can take charges is audited in the same transaction. `tenantId`, when given, scopes the lookup
 * to that practice; without it the processor's account id alone decides (webhooks).
 */
export async function saveProcessorStatus(
  tx: Transaction,
  where: { kind: ProcessorKind; externalAccountId: string; tenantId?: string },
  report: StatusReport,
  audit: StatusAudit,
): Promise<SaveStatusResult> {
  // FOR UPDATE: two reports for one account apply one after the other, each seeing the other's time.
  const [found] = await tx
    .select({ account: processorAccounts, tenantSlug: tenants.slug })
    .from(processorAccounts)
    .innerJoin(tenants, eq(tenants.id, processorAccounts.tenantId))
    .where(
      and(
        eq(processorAccounts.kind, where.kind),
        eq(processorAccounts.externalAccountId, where.externalAccountId),
        where.tenantId ? eq(processorAccounts.tenantId, where.tenantId) : undefined,
      ),
    )
    .for("update", { of: processorAccounts });
  if (!found) return { outcome: "unknown-account" };
  const { account: before, tenantSlug } = found;
  if (before.statusUpdatedAt && before.statusUpdatedAt > report.asOf) return { outcome: "stale", account: before, tenantSlug, portalChanged: false };

  const [after] = await tx
    .update(processorAccounts)
    .set({
      chargesEnabled: report.chargesEnabled,
      detailsSubmitted: report.detailsSubmitted,
      requirementsDue: report.requirementsDue,
      statusUpdatedAt: report.asOf,
    })
    .where(eq(processorAccounts.id, before.id))
    .returning();
  const portalChanged = before.chargesEnabled !== after!.chargesEnabled;
  if (portalChanged) {
    await recordAudit(tx, {
      tenantId: before.tenantId,
      actorUserId: audit.actorUserId,
      action: after!.chargesEnabled ? "processor.charges-enabled" : "processor.charges-disabled",
      before: statusSummary(before),
      after: statusSummary(after!),
      reason: audit.reason,
      ip: audit.ip,
    });
  }
  return { outcome: "saved", account: after!, tenantSlug, portalChanged };
}

function statusSummary(row: ProcessorAccount) {
  return { kind: row.kind, externalAccountId: row.externalAccountId, chargesEnabled: row.chargesEnabled, detailsSubmitted: row.detailsSubmitted, requirementsDue: row.requirementsDue };
}
