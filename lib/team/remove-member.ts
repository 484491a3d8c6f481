import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TeamActor } from "./member-checks";
import { lockMembers, ownerCount } from "./lock-members";
import { teamFailure, type TeamFailure } from "./team-failure";

export const LAST_OWNER_LEAVING_MESSAGE = "You're the only owner. Make someone else an owner before you leave the practice.";

export type RemoveResult = { ok: true; removedSelf: boolean } | TeamFailure;

/**
 * Owner only: takes a member out of the actor's own practice (they lose access at once), audited.
 * Never removes the last owner — including an owner removing themselves; a user id that isn't a
 * member of this practice finds nothing. The user's account and other practices are untouched.
 */
export async function removeMember(db: Database, actor: TeamActor, input: { userId: string }): Promise<RemoveResult> {
  return db.transaction(async (tx) => {
    const members = await lockMembers(tx, actor.tenantId);
    if (members.find((m) => m.userId === actor.actorUserId)?.role !== "owner") return teamFailure("forbidden");
    const target = members.find((m) => m.userId === input.userId);
    if (!target) return teamFailure("not-found");
    const removedSelf = target.userId === actor.actorUserId;
    if (target.role === "owner" && ownerCount(members) <= 1) {
      return teamFailure("last-owner", removedSelf ? { message: LAST_OWNER_LEAVING_MESSAGE } : {});
    }

    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
    await tx.delete(memberships).where(and(eq(memberships.tenantId, actor.tenantId), eq(memberships.userId, input.userId)));
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.actorUserId,
      action: "team.removed",
      before: { userId: input.userId, email: user?.email, role: target.role },
      ip: actor.ip,
    });
    return { ok: true, removedSelf };
  });
}
