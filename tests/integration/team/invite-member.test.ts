import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { queryRows } from "@/db/query-rows";
import { invitations } from "@/db/schema";
import { findInvitationByToken, INVITES_PER_HOUR, inviteMember, TEAM_MESSAGES } from "@/lib/team";
import { EmailSendError } from "@/lib/messaging/send-email";
import { rootUrl } from "@/lib/tenancy/urls";
import { makeUser } from "../../support/factories";
import { auditRows, freshEmail, lastInvitationTo, practiceWithStaff } from "./team-setup";

let db: Database;
beforeAll(async () => {
  db = await getDb();
});

const openInvitationsTo = (tenantId: string, email: string) =>
  db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tenantId, tenantId), eq(invitations.email, email), sql`${invitations.acceptedAt} IS NULL AND ${invitations.revokedAt} IS NULL`));

describe("inviting someone to the practice", () => {
  it("emails the invitee a link on the root host that expires in 7 days, and audits team.invited", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    const now = new Date("2026-11-01T12:00:00Z");
    const result = await inviteMember(db, p.asOwner, { email, role: "staff" }, { now });
    expect(result).toMatchObject({ ok: true, invitation: { email, role: "staff", replaced: false } });

    const { email: sent, token } = await lastInvitationTo(db, email);
    expect(sent?.tenantId).toBe(p.tenantId);
    expect(sent?.subject).toContain("Test Dental");
    expect(sent?.text).toContain(rootUrl(`/invite/${token}`));
    expect(sent?.html).toContain(`href="${rootUrl(`/invite/${token}`)}"`);

    const [row] = await openInvitationsTo(p.tenantId, email);
    expect(row?.expiresAt.toISOString()).toBe("2026-11-08T12:00:00.000Z");
    expect(row?.invitedByUserId).toBe(p.owner.id);
    const [audit] = await auditRows(db, p.tenantId, "team.invited");
    expect(audit).toMatchObject({ actorUserId: p.owner.id, ip: "203.0.113.1", summary: { after: { invitationId: row!.id, email, role: "staff" } } });
  });

  it("stores only the sha256 of a 256-bit token: the raw token is in no table but the outbox", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    await inviteMember(db, p.asOwner, { email, role: "owner" });
    const { token } = await lastInvitationTo(db, email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await openInvitationsTo(p.tenantId, email);
    expect(row?.tokenHash).toBe(createHash("sha256").update(token!).digest("hex"));

    const tables = await queryRows<{ table_name: string }>(
      db,
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const holding: string[] = [];
    for (const { table_name } of tables) {
      const [hit] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table_name)} t WHERE t::text LIKE ${`%${token}%`}`);
      if (Number(hit!.n) > 0) holding.push(table_name);
    }
    // The dev outbox stands in for the recipient's inbox; with Resend configured it is never written.
    expect(holding).toEqual(["dev_outbox"]);
  });

  it("stores the address trimmed and in lower case", async () => {
    const p = await practiceWithStaff(db);
    const result = await inviteMember(db, p.asOwner, { email: "  Mixed.Case@Example.TEST ", role: "staff" });
    expect(result.ok && result.invitation.email).toBe("mixed.case@example.test");
    expect(await openInvitationsTo(p.tenantId, "mixed.case@example.test")).toHaveLength(1);
  });

  it("refuses an invalid address with a message for the email field, and sends nothing", async () => {
    const p = await practiceWithStaff(db);
    const result = await inviteMember(db, p.asOwner, { email: "not-an-email", role: "staff" });
    expect(result).toMatchObject({ ok: false, field: "email", message: "Enter a valid email address, like name@example.com." });
    expect(await db.select().from(invitations).where(eq(invitations.tenantId, p.tenantId))).toEqual([]);
  });

  it("refuses a role other than owner or staff", async () => {
    const p = await practiceWithStaff(db);
    const result = await inviteMember(db, p.asOwner, { email: freshEmail(), role: "admin" as never });
    expect(result).toMatchObject({ ok: false, field: "role" });
  });

  it("refuses an address that already belongs to a member, whatever its case", async () => {
    const p = await practiceWithStaff(db);
    const result = await inviteMember(db, p.asOwner, { email: p.staff.email.toUpperCase(), role: "owner" });
    expect(result).toEqual({ ok: false, code: "already-member", field: "email", message: TEAM_MESSAGES["already-member"] });
    expect(await db.select().from(invitations).where(eq(invitations.tenantId, p.tenantId))).toEqual([]);
    expect((await lastInvitationTo(db, p.staff.email)).email).toBeUndefined();
  });

  it("invites someone who already has an account elsewhere", async () => {
    const p = await practiceWithStaff(db);
    const elsewhere = await makeUser(db);
    expect((await inviteMember(db, p.asOwner, { email: elsewhere.email, role: "staff" })).ok).toBe(true);
  });

  it("replaces the open invitation when the same address is invited again: the old link stops working", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    await inviteMember(db, p.asOwner, { email, role: "staff" });
    const first = (await lastInvitationTo(db, email)).token!;
    const again = await inviteMember(db, p.asOwner, { email: email.toUpperCase(), role: "owner" });
    expect(again).toMatchObject({ ok: true, invitation: { replaced: true, role: "owner" } });
    const second = (await lastInvitationTo(db, email)).token!;

    expect(second).not.toBe(first);
    expect((await findInvitationByToken(db, first)).status).toBe("revoked");
    expect(await findInvitationByToken(db, second)).toMatchObject({ status: "open", invitation: { role: "owner" } });
    expect(await openInvitationsTo(p.tenantId, email)).toHaveLength(1);
  });

  it("lets the database hold only one open invitation per practice and address", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    await inviteMember(db, p.asOwner, { email, role: "staff" });
    const duplicate = db.insert(invitations).values({ tenantId: p.tenantId, email, role: "staff", tokenHash: "x".repeat(64), expiresAt: new Date() });
    const error = await duplicate.then(
      () => null,
      (err: unknown) => err,
    );
    expect(isUniqueViolation(error)).toBe(true);
  });

  it("refuses staff: no invitation, no email, no audit", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    const result = await inviteMember(db, p.asStaff, { email, role: "owner" });
    expect(result).toEqual({ ok: false, code: "forbidden", message: TEAM_MESSAGES.forbidden });
    expect(await db.select().from(invitations).where(eq(invitations.tenantId, p.tenantId))).toEqual([]);
    expect((await lastInvitationTo(db, email)).email).toBeUndefined();
    expect(await auditRows(db, p.tenantId, "team.invited")).toEqual([]);
  });

  it(`stops a practice after ${INVITES_PER_HOUR} invitations an hour, without slowing other practices`, async () => {
    const busy = await practiceWithStaff(db);
    const other = await practiceWithStaff(db);
    const now = new Date();
    for (let i = 0; i < INVITES_PER_HOUR; i++) {
      expect((await inviteMember(db, busy.asOwner, { email: freshEmail("bulk"), role: "staff" }, { now })).ok).toBe(true);
    }
    const refused = await inviteMember(db, busy.asOwner, { email: freshEmail("one-too-many"), role: "staff" }, { now });
    expect(refused).toMatchObject({ ok: false, code: "rate-limited" });
    expect(await db.select().from(invitations).where(eq(invitations.tenantId, busy.tenantId))).toHaveLength(INVITES_PER_HOUR);
    expect((await inviteMember(db, other.asOwner, { email: freshEmail(), role: "staff" }, { now })).ok).toBe(true);
    const anHourLater = new Date(now.getTime() + 3601_000);
    expect((await inviteMember(db, busy.asOwner, { email: freshEmail(), role: "staff" }, { now: anHourLater })).ok).toBe(true);
  });

  it("withdraws the invitation when its email can't be sent, so no unreachable link stays open", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    const failing = async () => {
      throw new EmailSendError("application_error", "provider down");
    };
    const result = await inviteMember(db, p.asOwner, { email, role: "staff" }, { send: failing });
    expect(result).toMatchObject({ ok: false, code: "email-not-sent" });
    expect(await openInvitationsTo(p.tenantId, email)).toEqual([]);
    const [row] = await db.select().from(invitations).where(eq(invitations.tenantId, p.tenantId));
    expect(row?.revokedAt).toBeInstanceOf(Date);
    expect((await auditRows(db, p.tenantId, "team.invitation-revoked"))[0]?.summary.reason).toBe("The invitation email could not be sent.");
  });
});
