import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, type MemberRole, type PlatformRole, type Tenant } from "@/db/schema";
import { findActiveSupportView } from "@/lib/support/support-views";
import { findMembership, roleSatisfies } from "./membership";

// The single access decision behind both the page guards (guards.ts) and the action builders
// (action-clients.ts). It takes the signed-in user's id as a parameter, so it runs without a request.

/** The signed-in person as the app sees them. Never carries the password hash. */
export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  platformRole: PlatformRole | null;
}

/** Who is acting, for which practice, as what: the tenant comes from the membership, never from input. */
export interface MemberContext {
  user: SessionUser;
  tenant: Tenant;
  role: MemberRole;
  /**
   * Set when a support user is looking at this practice through "view as office": everything is read-only.
   * memberAction refuses every mutation; route handlers that change data must refuse too.
   */
  supportView?: { id: string; reason: string; expiresAt: Date } | null;
}

export interface SupportContext {
  user: SessionUser & { platformRole: PlatformRole };
}

/** What the current request says about its user: an id from the session and the practice cookie. */
export interface SessionRequest {
  userId: string | null;
  preferredTenantId: string | null;
}

export type MemberAccess = { ok: true; ctx: MemberContext } | { ok: false; reason: "signed-out" | "no-membership" | "wrong-role"; user?: SessionUser };

export type SupportAccess = { ok: true; ctx: SupportContext } | { ok: false; reason: "signed-out" | "not-support" };

/** The stored account for `userId` (without its password hash), or null if it no longer exists. */
export async function loadSessionUser(db: Executor, userId: string | null | undefined): Promise<SessionUser | null> {
  if (!userId) return null;
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, platformRole: users.platformRole })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/**
 * Allows a request only for an existing user who is a member of a practice (with `role` when given); the practice is
 * their membership's. A support user with a running "view as office" gets that practice as an owner, read-only
 * (`supportView` set); the view is re-checked on every request, so it stops the moment it ends or expires.
 */
export async function checkMemberAccess(db: Executor, request: SessionRequest, role?: MemberRole, now = new Date()): Promise<MemberAccess> {
  // Re-read the user rather than trusting the JWT, so a deleted account loses access at once.
  const user = await loadSessionUser(db, request.userId);
  if (!user) return { ok: false, reason: "signed-out" };
  if (user.platformRole) {
    const active = await findActiveSupportView(db, user.id, now);
    if (active) return { ok: true, ctx: { user, tenant: active.tenant, role: "owner", supportView: { id: active.view.id, reason: active.view.reason, expiresAt: active.view.expiresAt } } };
  }
  const membership = await findMembership(db, user.id, request.preferredTenantId);
  if (!membership) return { ok: false, reason: "no-membership", user };
  if (!roleSatisfies(membership.role, role)) return { ok: false, reason: "wrong-role", user };
  return { ok: true, ctx: { user, tenant: membership.tenant, role: membership.role } };
}

/** Allows a request only for an existing user whose stored platform role is a support role (not the one in an old JWT). */
export async function checkSupportAccess(db: Executor, request: Pick<SessionRequest, "userId">): Promise<SupportAccess> {
  const user = await loadSessionUser(db, request.userId);
  if (!user) return { ok: false, reason: "signed-out" };
  if (!user.platformRole) return { ok: false, reason: "not-support" };
  return { ok: true, ctx: { user: { ...user, platformRole: user.platformRole } } };
}
