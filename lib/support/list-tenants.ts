import { and, asc, eq, exists, gt, ilike, isNull, lte, not, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, processorAccounts, registrationKeys, tenants, users } from "@/db/schema";
import { containsPattern } from "@/db/contains-pattern";
import { normalizeKey } from "@/lib/registration-keys/key-format";
import { isStripeConfigured } from "@/lib/payments/stripe/client";
import type { TenantListQuery } from "./tenant-schemas";

export const TENANTS_PAGE_SIZE = 50;

export interface TenantRow {
  id: string;
  name: string;
  slug: string;
  status: "active" | "suspended";
  key: string | null;
  supportUntil: Date | null;
  processorKind: "stripe" | "demo" | null;
  chargesEnabled: boolean | null;
  createdAt: Date;
  ownerEmails: string | null;
}

/** SQL for "this practice's processor can take charges", the same rule as processorCanCharge. */
function processorReady(): SQL {
  const enabled = eq(processorAccounts.chargesEnabled, true);
  // With real Stripe keys configured the demo processor doesn't count.
  return isStripeConfigured() ? and(enabled, eq(processorAccounts.kind, "stripe"))! : enabled;
}

function stateCondition(state: TenantListQuery["state"], now: Date): SQL | undefined {
  const active = eq(tenants.status, "active");
  switch (state) {
    case "suspended":
      return eq(tenants.status, "suspended");
    case "no-key":
      return and(active, isNull(registrationKeys.id));
    case "lapsed":
      return and(active, lte(registrationKeys.supportUntil, now));
    case "no-processor":
      return and(active, gt(registrationKeys.supportUntil, now), or(isNull(processorAccounts.tenantId), not(processorReady())));
    case "live":
      return and(active, gt(registrationKeys.supportUntil, now), processorReady());
    case "all":
      return undefined;
  }
}

function searchCondition(q: string): SQL | undefined {
  if (!q) return undefined;
  const text = containsPattern(q);
  const key = normalizeKey(q);
  const ownerMatches = exists(
    sql`(select 1 from ${memberships} inner join ${users} on ${users.id} = ${memberships.userId}
        where ${memberships.tenantId} = ${tenants.id} and ${memberships.role} = 'owner' and ${users.email} ilike ${text})`,
  );
  return or(ilike(tenants.name, text), ilike(tenants.slug, text), key.length >= 4 ? ilike(registrationKeys.key, containsPattern(key)) : undefined, ownerMatches);
}

/** One page of practices matching the search and setup-state filter, by name; never any patient data. */
export async function listTenants(db: Executor, query: TenantListQuery, now = new Date()): Promise<{ rows: TenantRow[]; hasMore: boolean }> {
  const rows = await db
    .select({
      id: tenants.id,
      name: tenants.name,
      slug: tenants.slug,
      status: tenants.status,
      key: registrationKeys.key,
      supportUntil: registrationKeys.supportUntil,
      processorKind: processorAccounts.kind,
      chargesEnabled: processorAccounts.chargesEnabled,
      createdAt: tenants.createdAt,
      ownerEmails: sql<string | null>`(select string_agg(${users.email}, ', ' order by ${users.email}) from ${memberships}
        inner join ${users} on ${users.id} = ${memberships.userId} where ${memberships.tenantId} = ${tenants.id} and ${memberships.role} = 'owner')`,
    })
    .from(tenants)
    .leftJoin(registrationKeys, and(eq(registrationKeys.claimedByTenantId, tenants.id), isNull(registrationKeys.revokedAt)))
    .leftJoin(processorAccounts, eq(processorAccounts.tenantId, tenants.id))
    .where(and(stateCondition(query.state, now), searchCondition(query.q)))
    .orderBy(asc(tenants.name), asc(tenants.id))
    .limit(TENANTS_PAGE_SIZE + 1)
    .offset((query.page - 1) * TENANTS_PAGE_SIZE);
  return { rows: rows.slice(0, TENANTS_PAGE_SIZE), hasMore: rows.length > TENANTS_PAGE_SIZE };
}
