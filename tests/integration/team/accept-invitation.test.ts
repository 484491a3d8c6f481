import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { invitations, memberships, users } from "@/db/schema";
import { findMembership } from "@/lib/auth/membership";
import { acceptInvitation, findInvitationByToken, revokeInvitation, TEAM_MESSAGES } from "@/lib/team";
import { makeUser } from "../../support/factories";
import { accountFor, auditRows, freshEmail, inviteAndReadToken, practiceWithStaff, roleIn } from "./team-setup";

let db: Database;
beforeAll(async () => {
  db = await getDb();
});

const DAY = 86_400_000;

describe("accepting an invitation", () => {
  it("makes the invited user a member with the invited role, closes the invitation and audits team.joined", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    const token = await inviteAndReadToken(db, p.asOwner, email, "owner");
    const invitee = await accountFor(db, email);
    // A fresh password sign-up has not confirmed its address yet.
    await db.update(users).set({ emailVerified: null }).where(eq(users.id, invitee.id));

    const result = await acceptInvitation(db, { token, userId: invitee.id, ip: "198.51.100.7" });
    expect(result).toEqual({ ok: true, tenantId: p.tenantId, practiceName: "Test Dental", role: "owner", alreadyMember: false });
    expect(await roleIn(db, p.tenantId, invitee.id)).toBe("owner");
    expect((await findMembership(db, invitee.id))?.tenant.id).toBe(p.tenantId);
    expect((await findInvitationByToken(db, token)).status).toBe("accepted");
    const [account] = await db.select({ emailVerified: users.emailVerified }).from(users).where(eq(users.id, invitee.id));
    expect(account?.emailVerified).toBeInstanceOf(Date);
    const [audit] = await auditRows(db, p.tenantId, "team.joined");
    expect(audit).toMatchObject({ actorUserId: invitee.id, ip: "198.51.100.7", summary: { after: { userId: invitee.id, email, role: "owner" } } });
  });

  it("matches the signed-in account's email to the invitation without regard to case", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail("casey");
    const token = await inviteAndReadToken(db, p.asOwner, email);
    // An account stored before emails were normalised.
    const invitee = await makeUser(db, { email: email.replace("casey", "CaSey") });
    expect(await acceptInvitation(db, { token, userId: invitee.id })).toMatchObject({ ok: true, role: "staff" });
  });

  it("refuses someone signed in with another email, and changes nothing", async () => {
    const p = await practiceWithStaff(db);
    const token = await inviteAndReadToken(db, p.asOwner, freshEmail());
    const someoneElse = await makeUser(db);
    await db.update(users).set({ emailVerified: null }).where(eq(users.id, someoneElse.id));
    const result = await acceptInvitation(db, { token, userId: someoneElse.id });
    expect(result).toEqual({ ok: false, code: "wrong-email", message: TEAM_MESSAGES["wrong-email"] });
    const [account] = await db.select({ emailVerified: users.emailVerified }).from(users).where(eq(users.id, someoneElse.id));
    expect(account?.emailVerified).toBeNull();
    expect(await roleIn(db, p.tenantId, someoneElse.id)).toBeNull();
    expect((await findInvitationByToken(db, token)).status).toBe("open");
    expect(await auditRows(db, p.tenantId, "team.joined")).toEqual([]);
  });

  it("refuses an expired invitation", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    const eightDaysAgo = new Date(Date.now() - 8 * DAY);
    const token = await inviteAndReadToken(db, p.asOwner, email, "staff", eightDaysAgo);
    const invitee = await accountFor(db, email);
    expect((await findInvitationByToken(db, token)).status).toBe("expired");
    expect(await acceptInvitation(db, { token, userId: invitee.id })).toMatchObject({ ok: false, code: "expired" });
    expect(await roleIn(db, p.tenantId, invitee.id)).toBeNull();
  });

  it("still accepts on the last day, and refuses from the moment it expires", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    const sent = new Date("2026-11-01T09:00:00Z");
    const token = await inviteAndReadToken(db, p.asOwner, email, "staff", sent);
    const invitee = await accountFor(db, email);
    expect(await acceptInvitation(db, { token, userId: invitee.id }, new Date("2026-11-08T09:00:00Z"))).toMatchObject({ ok: false, code: "expired" });
    expect(await acceptInvitation(db, { token, userId: invitee.id }, new Date("2026-11-08T08:59:59Z"))).toMatchObject({ ok: true });
  });

  it("refuses a revoked invitation", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    const token = await inviteAndReadToken(db, p.asOwner, email);
    const [row] = await db.select().from(invitations).where(and(eq(invitations.tenantId, p.tenantId), eq(invitations.email, email)));
    expect((await revokeInvitation(db, p.asOwner, row!.id)).ok).toBe(true);
    const invitee = await accountFor(db, email);
    expect(await acceptInvitation(db, { token, userId: invitee.id })).toMatchObject({ ok: false, code: "revoked" });
    expect(await roleIn(db, p.tenantId, invitee.id)).toBeNull();
  });

  it("refuses the old link of an invitation that was sent again", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    const old = await inviteAndReadToken(db, p.asOwner, email);
    const current = await inviteAndReadToken(db, p.asOwner, email);
    const invitee = await accountFor(db, email);
    expect(await acceptInvitation(db, { token: old, userId: invitee.id })).toMatchObject({ ok: false, code: "revoked" });
    expect(await acceptInvitation(db, { token: current, userId: invitee.id })).toMatchObject({ ok: true });
  });

  it("refuses a token nobody issued, and malformed ones, without a database error", async () => {
    const user = await makeUser(db);
    for (const token of ["A".repeat(43), "short", "", "../../etc/passwd", "A".repeat(43) + "'; DROP TABLE users; --"]) {
      expect(await acceptInvitation(db, { token, userId: user.id })).toMatchObject({ ok: false, code: "unknown-invitation" });
      expect(await findInvitationByToken(db, token)).toEqual({ status: "unknown" });
    }
  });

  it("treats a second accept by the same person as a no-op success", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    const token = await inviteAndReadToken(db, p.asOwner, email);
    const invitee = await accountFor(db, email);
    expect((await acceptInvitation(db, { token, userId: invitee.id })).ok).toBe(true);
    const again = await acceptInvitation(db, { token, userId: invitee.id });
    expect(again).toMatchObject({ ok: true, tenantId: p.tenantId, alreadyMember: true, role: "staff" });
    expect(await db.select().from(memberships).where(and(eq(memberships.tenantId, p.tenantId), eq(memberships.userId, invitee.id)))).toHaveLength(1);
    expect(await auditRows(db, p.tenantId, "team.joined")).toHaveLength(1);
  });

  it("never changes the role of someone who is already a member", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    const token = await inviteAndReadToken(db, p.asOwner, email, "owner");
    // They joined as staff some other way while the invitation was out.
    const invitee = await accountFor(db, email);
    await db.insert(memberships).values({ tenantId: p.tenantId, userId: invitee.id, role: "staff" });
    expect(await acceptInvitation(db, { token, userId: invitee.id })).toMatchObject({ ok: true, alreadyMember: true, role: "staff" });
    expect(await roleIn(db, p.tenantId, invitee.id)).toBe("staff");
    expect((await findInvitationByToken(db, token)).status).toBe("accepted");
  });

  it("won't let a used link in anyone else, even with the invited email's case changed", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    const token = await inviteAndReadToken(db, p.asOwner, email);
    const invitee = await accountFor(db, email);
    await acceptInvitation(db, { token, userId: invitee.id });
    const other = await makeUser(db);
    expect(await acceptInvitation(db, { token, userId: other.id })).toMatchObject({ ok: false, code: "used" });
    expect(await roleIn(db, p.tenantId, other.id)).toBeNull();
  });

  it("refuses an account that no longer exists", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    const token = await inviteAndReadToken(db, p.asOwner, email);
    const invitee = await accountFor(db, email);
    await db.delete(users).where(eq(users.id, invitee.id));
    expect(await acceptInvitation(db, { token, userId: invitee.id })).toMatchObject({ ok: false, code: "signed-out" });
    expect((await findInvitationByToken(db, token)).status).toBe("open");
  });

  it("lets exactly one of two racing accepts create the membership", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    const token = await inviteAndReadToken(db, p.asOwner, email);
    const invitee = await accountFor(db, email);
    const results = await Promise.all([acceptInvitation(db, { token, userId: invitee.id }), acceptInvitation(db, { token, userId: invitee.id })]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.alreadyMember)).toHaveLength(1);
    expect(await auditRows(db, p.tenantId, "team.joined")).toHaveLength(1);
  });
});

describe("looking up an invitation for its page", () => {
  it("names the practice, the invited address, the role and who invited", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    const token = await inviteAndReadToken(db, p.asOwner, email, "owner");
    expect(await findInvitationByToken(db, token)).toMatchObject({
      status: "open",
      invitation: { tenantId: p.tenantId, practiceName: "Test Dental", email, role: "owner", inviterName: "Test User" },
    });
  });
});
