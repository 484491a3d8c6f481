import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { invitations, memberships, tenants, users, type MemberRole } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { sendEmail } from "@/lib/messaging/send-email";
import { consumeRateLimit } from "@/lib/rate-limit/consume";
import { rootUrl } from "@/lib/tenancy/urls";
import { actorIsOwner, type TeamActor } from "./member-checks";
import { renderInvitationEmail } from "./invitation-email";
import { invitationExpiry, invitationPath, newInvitationToken } from "./invitation-token";
import { teamFailure, type TeamFailure } from "./team-failure";
import { inviteSchema, type InviteInput } from "./team-schemas";

/** Invitations one practice may send per hour (each one is an email to an address the owner typed). */
export const INVITES_PER_HOUR = 20;

export interface SentInvitation {
  id: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
  /** An earlier open invitation to the same address was revoked in favour of this one. */
  replaced: boolean;
}

export type InviteResult = { ok: true; invitation: SentInvitation } | TeamFailure;

export interface InviteOptions {
  now?: Date;
  /** The mailer; tests pass one that fails. */
  send?: typeof sendEmail;
}

/**
 * Owner only: invites `email` to the actor's practice as `role` and emails them an accept link that
 * expires in 7 days. Refuses an address that already belongs to a member; an open invitation to the
 * same address is revoked and replaced (its link stops working). Limited to INVITES_PER_HOUR per
 * practice. Only the token's hash is stored; the raw token exists only in the email. If the email
 * can't be sent the new invitation is revoked again, so no unreachable link stays open.
 */
export async function inviteMember(db: Database, actor: TeamActor, input: InviteInput, options: InviteOptions = {}): Promise<InviteResult> {
  const now = options.now ?? new Date();
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0] === "role" ? "role" : "email";
    return teamFailure("invalid-input", { message: issue?.message, field });
  }
  const { email, role } = parsed.data;
  const { token, tokenHash } = newInvitationToken();

  let created: { invitation: SentInvitation; practiceName: string; inviterName: string } | TeamFailure;
  try {
    created = await db.transaction(async (tx) => {
      if (!(await actorIsOwner(tx, actor))) return teamFailure("forbidden");
      const [existing] = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        // lower(): accounts made before emails were normalised still count as the same person.
        .where(and(eq(memberships.tenantId, actor.tenantId), sql`lower(${users.email}) = ${email}`));
      if (existing) return teamFailure("already-member", { field: "email" });
      // Counted per practice, and only for invitations we are about to send.
      const limit = await consumeRateLimit(tx, { key: `team-invite:tenant:${actor.tenantId}`, limit: INVITES_PER_HOUR, windowSeconds: 3600 }, now);
      if (!limit.allowed) return teamFailure("rate-limited");

      const replaced = await tx
        .update(invitations)
        .set({ revokedAt: now })
        .where(and(eq(invitations.tenantId, actor.tenantId), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
        .returning({ id: invitations.id });
      const [row] = await tx
        .insert(invitations)
        .values({ tenantId: actor.tenantId, email, role, tokenHash, invitedByUserId: actor.actorUserId, expiresAt: invitationExpiry(now), createdAt: now })
        .returning({ id: invitations.id, expiresAt: invitations.expiresAt });
      await recordAudit(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.actorUserId,
        action: "team.invited",
        before: replaced[0] ? { invitationId: replaced[0].id } : undefined,
        after: { invitationId: row!.id, email, role, expiresAt: row!.expiresAt.toISOString() },
        ip: actor.ip,
      });
      const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, actor.tenantId));
      const [inviter] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, actor.actorUserId));
      return {
        invitation: { id: row!.id, email, role, expiresAt: row!.expiresAt, replaced: replaced.length > 0 },
        practiceName: tenant!.name,
        inviterName: inviter?.name || inviter?.email || "Your practice owner",
      };
    });
  } catch (err) {
    // Two owners inviting the same address at the same moment: the open-invitation index picks one.
    if (isUniqueViolation(err)) return teamFailure("busy", { field: "email" });
    throw err;
  }
  if ("ok" in created) return created;

  const message = renderInvitationEmail({
    practiceName: created.practiceName,
    inviterName: created.inviterName,
    role,
    link: rootUrl(invitationPath(token)),
  });
  try {
    await (options.send ?? sendEmail)({ to: email, tenantId: actor.tenantId, idempotencyKey: `team-invitation:${created.invitation.id}`, ...message });
  } catch (err) {
    console.error(`[team] invitation email not sent (${err instanceof Error ? err.name : "error"})`);
    await withdrawUnsent(db, actor, created.invitation.id);
    return teamFailure("email-not-sent");
  }
  return { ok: true, invitation: created.invitation };
}

async function withdrawUnsent(db: Database, actor: TeamActor, invitationId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const withdrawn = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), eq(invitations.tenantId, actor.tenantId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (withdrawn.length === 0) return;
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.actorUserId,
      action: "team.invitation-revoked",
      before: { invitationId },
      reason: "The invitation email could not be sent.",
      ip: actor.ip,
    });
  });
}
