import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { invitations, tenants, users, type MemberRole } from "@/db/schema";
import { hashInvitationToken, isInvitationTokenShape } from "./invitation-token";

export type InvitationStatus = "open" | "expired" | "revoked" | "accepted";

export interface InvitationDetails {
  id: string;
  tenantId: string;
  practiceName: string;
  email: string;
  role: MemberRole;
  inviterName: string | null;
  expiresAt: Date;
}

export type InvitationLookup = { status: "unknown" } | { status: InvitationStatus; invitation: InvitationDetails };

/** What the invite page needs to know about the invitation behind a raw token; "unknown" for a token we never issued (or a malformed one). */
export async function findInvitationByToken(db: Executor, token: string, now = new Date()): Promise<InvitationLookup> {
  if (!isInvitationTokenShape(token)) return { status: "unknown" };
  const [row] = await db
    .select({
      id: invitations.id,
      tenantId: invitations.tenantId,
      practiceName: tenants.name,
      email: invitations.email,
      role: invitations.role,
      inviterName: users.name,
      inviterEmail: users.email,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  if (!row) return { status: "unknown" };
  const { acceptedAt, revokedAt, inviterEmail, ...details } = row;
  const invitation = { ...details, inviterName: details.inviterName || inviterEmail };
  const status: InvitationStatus = acceptedAt ? "accepted" : revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : "open";
  return { status, invitation };
}
