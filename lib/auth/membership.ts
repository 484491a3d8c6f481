import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, tenants, type MemberRole, type Tenant } from "@/db/schema";

/** Cookie naming the practice a user with several memberships last chose. Only a preference: never trusted on its own. */
export const PRACTICE_COOKIE = "cs_practice";

export interface Membership {
  tenant: Tenant;
  role: MemberRole;
}

/** The user's practice and role: the one `preferredTenantId` names if the user really is a member of it, else their oldest membership; null when they have none. */
export async function findMembership(db: Executor, userId: string, preferredTenantId?: string | null): Promise<Membership | null> {
  const rows = await db
    .select({ tenant: tenants, role: memberships.role })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(memberships.tenantId));
  // Chosen among the user's own rows, so a forged cookie can only pick a practice they already belong to
  // (and a non-uuid cookie value never reaches Postgres).
  return rows.find((r) => r.tenant.id === preferredTenantId) ?? rows[0] ?? null;
}

/** True when `role` may do what `required` demands: owners may do everything staff may. */
export function roleSatisfies(role: MemberRole, required: MemberRole | undefined): boolean {
  if (!required || required === "staff") return true;
  return role === "owner";
}
