import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, devOutbox, memberships, type MemberRole } from "@/db/schema";
import type { TeamActor } from "@/lib/team";
import { inviteMember } from "@/lib/team";
import { addMember, makePractice, makeUser } from "../../support/factories";

// Shared steps for the team tests: a practice with an owner and a staff member, invitations read
// back from the dev outbox (the only place the raw token exists), and what the database says now.

export interface Practice {
  tenantId: string;
  owner: { id: string; email: string };
  staff: { id: string; email: string };
  asOwner: TeamActor;
  asStaff: TeamActor;
}

/** A new practice with its owner and one staff member. */
export async function practiceWithStaff(db: Database): Promise<Practice> {
  const { tenant, owner } = await makePractice(db);
  const staff = await addMember(db, tenant.id, "staff");
  return {
    tenantId: tenant.id,
    owner,
    staff,
    asOwner: { tenantId: tenant.id, actorUserId: owner.id, ip: "203.0.113.1" },
    asStaff: { tenantId: tenant.id, actorUserId: staff.id, ip: "203.0.113.2" },
  };
}

let counter = 0;
/** An address nobody has used yet in this file. */
export function freshEmail(label = "invitee"): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}@example.test`;
}

const TOKEN_IN_LINK = /\/invite\/([A-Za-z0-9_-]{43})/;

/** The newest invitation email to `to` and the token in its link. */
export async function lastInvitationTo(db: Database, to: string) {
  const [email] = await db.select().from(devOutbox).where(eq(devOutbox.toAddress, to)).orderBy(desc(devOutbox.createdAt)).limit(1);
  const token = email?.text.match(TOKEN_IN_LINK)?.[1];
  return { email, token };
}

/** Invites `email` as the practice owner and returns the raw token from the email; throws if either step failed. */
export async function inviteAndReadToken(db: Database, actor: TeamActor, email: string, role: MemberRole = "staff", now?: Date): Promise<string> {
  const result = await inviteMember(db, actor, { email, role }, { now });
  if (!result.ok) throw new Error(`invite failed: ${result.code}`);
  const { token } = await lastInvitationTo(db, email);
  if (!token) throw new Error("no invitation email");
  return token;
}

/** A user account for `email` (the invitee signing up). */
export function accountFor(db: Database, email: string) {
  return makeUser(db, { email });
}

/** The user's role in the practice, or null when they aren't a member. */
export async function roleIn(db: Database, tenantId: string, userId: string): Promise<MemberRole | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

/** The practice's audit rows with `action`, oldest first. */
export async function auditRows(db: Database, tenantId: string, action: string) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, action)))
    .orderBy(auditLog.createdAt);
  return rows;
}
