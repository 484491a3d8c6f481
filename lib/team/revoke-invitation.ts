import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { invitations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { actorIsOwner, type TeamActor } from "./member-checks";
import { teamFailure, type TeamFailure } from "./team-failure";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type RevokeResult = { ok: true; email: string } | TeamFailure;

/** Owner only: withdraws an open invitation of the actor's own practice so its link stops working; another practice's id finds nothing. */
export async function revokeInvitation(db: Database, actor: TeamActor, invitationId: string, now = new Date()): Promise<RevokeResult> {
  return db.transaction(async (tx) => {
    if (!(await actorIsOwner(tx, actor))) return teamFailure("forbidden");
    if (!UUID.test(invitationId)) return teamFailure("not-found");
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.id, invitationId), eq(invitations.tenantId, actor.tenantId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id, email: invitations.email, role: invitations.role });
    if (!revoked) return teamFailure("not-found");
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.actorUserId,
      action: "team.invitation-revoked",
      before: { invitationId: revoked.id, email: revoked.email, role: revoked.role },
      ip: actor.ip,
    });
    return { ok: true, email: revoked.email };
  });
}
