import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships } from "@/db/schema";

/** Who is changing the team, for which practice. Built from the session's MemberContext, never from input. */
export interface TeamActor {
  tenantId: string;
  actorUserId: string;
  ip?: string | null;
}

/**
 * True only when the actor is an owner of `actor.tenantId` as the database says now. The dashboard
 * actions already require an owner; checking again here keeps the rule with the data, so a caller
 * that forgets (or an owner demoted a moment ago) is still refused.
 */
export async function actorIsOwner(db: Executor, actor: TeamActor): Promise<boolean> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.tenantId, actor.tenantId), eq(memberships.userId, actor.actorUserId)));
  return row?.role === "owner";
}

/** True when the user belongs to the practice (any role). */
export async function isMemberOf(db: Executor, tenantId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  return rows.length > 0;
}
