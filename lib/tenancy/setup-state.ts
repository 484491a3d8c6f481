import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { processorAccounts, registrationKeys, tenants } from "@/db/schema";
import { processorCanCharge } from "./portal-tenant";

export interface SetupState {
  key: { state: "missing" } | { state: "active" | "lapsed"; formatted: string; supportUntil: Date };
  processor: { state: "missing" } | { state: "onboarding" | "ready"; kind: "stripe" | "demo"; requirementsDue: string[] };
  linkShared: boolean;
  suspended: { reason: string | null } | null;
  /** Patients can pay right now. */
  live: boolean;
}

/** Where a practice stands on the three setup steps, and whether its portal is open. */
export async function loadSetupState(db: Executor, tenantId: string, now = new Date()): Promise<SetupState> {
  const [row] = await db
    .select({
      status: tenants.status,
      suspendedReason: tenants.suspendedReason,
      linkSharedAt: tenants.portalLinkSharedAt,
      key: registrationKeys.key,
      supportUntil: registrationKeys.supportUntil,
      kind: processorAccounts.kind,
      chargesEnabled: processorAccounts.chargesEnabled,
      requirementsDue: processorAccounts.requirementsDue,
    })
    .from(tenants)
    .leftJoin(registrationKeys, and(eq(registrationKeys.claimedByTenantId, tenants.id), isNull(registrationKeys.revokedAt)))
    .leftJoin(processorAccounts, eq(processorAccounts.tenantId, tenants.id))
    .where(eq(tenants.id, tenantId));
  if (!row) throw new Error("practice not found");
  const key: SetupState["key"] =
    row.key && row.supportUntil
      ? { state: row.supportUntil > now ? "active" : "lapsed", formatted: row.key.replace(/(.{4})(?=.)/g, "$1-"), supportUntil: row.supportUntil }
      : { state: "missing" };
  const processor: SetupState["processor"] = row.kind
    ? { state: processorCanCharge(row.kind, row.chargesEnabled) ? "ready" : "onboarding", kind: row.kind, requirementsDue: row.requirementsDue ?? [] }
    : { state: "missing" };
  const suspended = row.status === "suspended" ? { reason: row.suspendedReason } : null;
  return {
    key,
    processor,
    linkShared: row.linkSharedAt !== null,
    suspended,
    live: !suspended && key.state === "active" && processor.state === "ready",
  };
}
