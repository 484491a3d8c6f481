import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, users, type MemberRole } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TeamActor } from "./member-checks";
import { lockMembers, ownerCount } from "./lock-members";
import { teamFailure, type TeamFailure } from "./team-failure";

export type ChangeRoleResult = { ok: true; changed: boolean; role: MemberRole } | TeamFailure;

/**
 * Owner only: gives a member of the actor's own practice another role, audited with before and after.
 * Never demotes the practice's last owner; a user id that isn't a member of this practice finds nothing.
 */
export async function changeMemberRole(db: Database, actor: TeamActor, input: { userId: string; role: MemberRole }): Promise<ChangeRoleResult> {
  return db.transaction(async (tx) => {
    const members = await lockMembers(tx, actor.tenantId);
    // Read under the lock, so an owner demoted a moment ago can't still act as one.
    if (members.find((m) => m.userId === actor.actorUserId)?.role !== "owner") return teamFailure("forbidden");
    const target = members.find((m) => m.userId === input.userId);
    if (!target) return teamFailure("not-found");
    if (target.role === input.role) return { ok: true, changed: false, role: input.role };
    if (target.role === "owner" && ownerCount(members) <= 1) return teamFailure("last-owner");

    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.tenantId, actor.tenantId), eq(memberships.userId, input.userId)));
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.actorUserId,
      action: "team.role-changed",
      before: { userId: input.userId, email: user?.email, role: target.role },
      after: { userId: input.userId, email: user?.email, role: input.role },
      ip: actor.ip,
    });
    return { ok: true, changed: true, role: input.role };
  });
}
