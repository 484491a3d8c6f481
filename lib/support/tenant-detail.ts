import { and, asc, eq, gte, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clinics, memberships, messages, payments, processorAccounts, registrationKeys, tenants, users, webhookDeliveries, type Tenant } from "@/db/schema";
import { findRevokedKey } from "@/lib/registration-keys/revoked-key";
import { loadSetupState, type SetupState } from "@/lib/tenancy/setup-state";

/** What support sees of one practice: setup, people and health counts. Deliberately no patient names or balances. */
export interface TenantDetail {
  tenant: Pick<Tenant, "id" | "name" | "slug" | "status" | "suspendedReason" | "suspendedAt" | "createdAt" | "phone" | "timeZone">;
  setup: SetupState;
  keyId: string | null;
  revokedKey: Awaited<ReturnType<typeof findRevokedKey>>;
  processor: { kind: "stripe" | "demo"; chargesEnabled: boolean; detailsSubmitted: boolean; requirementsDue: string[] } | null;
  clinics: { id: string; name: string; slug: string }[];
  team: { email: string; role: "owner" | "staff" }[];
  payments30d: { count: number; totalCents: number; currency: string };
  failedWebhooks: number;
  failedMessages: number;
}

const DAY_MS = 86_400_000;

/** One practice's support view, or null when the id names none. */
export async function loadTenantDetail(db: Executor, tenantId: string, now = new Date()): Promise<TenantDetail | null> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) return null;
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const [setup, revokedKey, keyRow, processor, clinicRows, team, [paid], [webhooks], [failed]] = await Promise.all([
    loadSetupState(db, tenantId, now),
    findRevokedKey(db, tenantId),
    db.select({ id: registrationKeys.id }).from(registrationKeys).where(and(eq(registrationKeys.claimedByTenantId, tenantId), isNull(registrationKeys.revokedAt))).limit(1),
    db.select().from(processorAccounts).where(eq(processorAccounts.tenantId, tenantId)),
    db.select({ id: clinics.id, name: clinics.name, slug: clinics.slug }).from(clinics).where(eq(clinics.tenantId, tenantId)).orderBy(asc(clinics.createdAt)),
    db
      .select({ email: users.email, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.tenantId, tenantId))
      .orderBy(asc(memberships.role), asc(users.email)),
    db
      .select({ count: sql<number>`count(*)::int`, total: sql<number>`coalesce(sum(${payments.amountCents} - ${payments.refundedCents}), 0)::int` })
      .from(payments)
      .where(and(eq(payments.tenantId, tenantId), isNotNull(payments.succeededAt), gte(payments.succeededAt, since))),
    db.select({ count: sql<number>`count(*)::int` }).from(webhookDeliveries).where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.status, "failed"))),
    db.select({ count: sql<number>`count(*)::int` }).from(messages).where(and(eq(messages.tenantId, tenantId), inArray(messages.status, ["failed", "bounced"]))),
  ]);
  const p = processor[0];
  return {
    tenant,
    setup,
    keyId: keyRow[0]?.id ?? null,
    revokedKey,
    processor: p ? { kind: p.kind, chargesEnabled: p.chargesEnabled, detailsSubmitted: p.detailsSubmitted, requirementsDue: p.requirementsDue } : null,
    clinics: clinicRows,
    team,
    payments30d: { count: paid?.count ?? 0, totalCents: paid?.total ?? 0, currency: tenant.currency },
    failedWebhooks: webhooks?.count ?? 0,
    failedMessages: failed?.count ?? 0,
  };
}
