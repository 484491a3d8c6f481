import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { invitations, memberships, tenants, users, type MemberRole } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashInvitationToken, isInvitationTokenShape } from "./invitation-token";
import { teamFailure, type TeamFailure } from "./team-failure";

export type AcceptResult = { ok: true; tenantId: string; practiceName: string; role: MemberRole; alreadyMember: boolean } | TeamFailure;

/**
 * Makes the signed-in user a member of the inviting practice, with the invited role, if the token
 * names an invitation that is open (not accepted, not revoked, not expired) and their account's email
 * is the invited address (case-insensitive). Membership, the invitation's acceptance, the account's
 * email confirmation and the `team.joined` audit row land together. Someone already a member gets a success that changes
 * nothing about their membership (following a used link again is harmless).
 */
export async function acceptInvitation(db: Database, input: { token: string; userId: string; ip?: string | null }, now = new Date()): Promise<AcceptResult> {
  if (!isInvitationTokenShape(input.token)) return teamFailure("unknown-invitation");
  return db.transaction(async (tx) => {
    // Locked: two tabs accepting at once run one after the other, and the second sees the first's work.
    const [row] = await tx
      .select({ invitation: invitations, practiceName: tenants.name })
      .from(invitations)
      .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
      .where(eq(invitations.tokenHash, hashInvitationToken(input.token)))
      .for("update", { of: invitations });
    if (!row) return teamFailure("unknown-invitation");
    const { invitation, practiceName } = row;
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
    if (!user) return teamFailure("signed-out");
    const [membership] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.tenantId, invitation.tenantId), eq(memberships.userId, input.userId)));
    const joined = { ok: true as const, tenantId: invitation.tenantId, practiceName };

    if (invitation.acceptedAt) return membership ? { ...joined, role: membership.role, alreadyMember: true } : teamFailure("used");
    if (invitation.revokedAt) return teamFailure("revoked");
    if (invitation.expiresAt <= now) return teamFailure("expired");
    if (user.email.trim().toLowerCase() !== invitation.email) return teamFailure("wrong-email");

    // The token only ever went to this address, so using it proves the account owns it (as the
    // verify-email link would): a new invitee isn't asked to confirm their email again later.
    await tx.update(users).set({ emailVerified: now }).where(and(eq(users.id, input.userId), isNull(users.emailVerified)));
    await tx.update(invitations).set({ acceptedAt: now }).where(and(eq(invitations.id, invitation.id), eq(invitations.tenantId, invitation.tenantId)));
    // Already in (joined some other way meanwhile): close the invitation but never change their role.
    if (membership) return { ...joined, role: membership.role, alreadyMember: true };
    await tx.insert(memberships).values({ tenantId: invitation.tenantId, userId: input.userId, role: invitation.role });
    await recordAudit(tx, {
      tenantId: invitation.tenantId,
      actorUserId: input.userId,
      action: "team.joined",
      after: { invitationId: invitation.id, userId: input.userId, email: invitation.email, role: invitation.role },
      ip: input.ip,
    });
    return { ...joined, role: invitation.role, alreadyMember: false };
  });
}
