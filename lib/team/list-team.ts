import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { invitations, memberships, users, type MemberRole } from "@/db/schema";

export interface TeamMember {
  userId: string;
  email: string;
  name: string | null;
  role: MemberRole;
  joinedAt: Date;
}

export interface OpenInvitation {
  id: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
  createdAt: Date;
  invitedByName: string | null;
  /** Past its expiry: can no longer be accepted, only revoked or sent again. */
  expired: boolean;
}

export interface Team {
  members: TeamMember[];
  invitations: OpenInvitation[];
}

/** The practice's members (owners first) and its invitations not yet accepted or revoked (newest first). Only rows of `tenantId`. */
export async function listTeam(db: Executor, tenantId: string, now = new Date()): Promise<Team> {
  const [members, open] = await Promise.all([
    db
      .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, joinedAt: memberships.createdAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.tenantId, tenantId))
      // The enum's order is owner, staff.
      .orderBy(asc(memberships.role), asc(memberships.createdAt), asc(users.email)),
    db
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        expiresAt: invitations.expiresAt,
        createdAt: invitations.createdAt,
        invitedByName: users.name,
        invitedByEmail: users.email,
      })
      .from(invitations)
      .leftJoin(users, eq(users.id, invitations.invitedByUserId))
      .where(and(eq(invitations.tenantId, tenantId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .orderBy(desc(invitations.createdAt)),
  ]);
  return {
    members,
    invitations: open.map(({ invitedByEmail, invitedByName, ...row }) => ({
      ...row,
      invitedByName: invitedByName ?? invitedByEmail,
      expired: row.expiresAt <= now,
    })),
  };
}
