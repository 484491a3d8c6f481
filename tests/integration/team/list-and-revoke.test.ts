import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { invitations } from "@/db/schema";
import { acceptInvitation, findInvitationByToken, listTeam, revokeInvitation, TEAM_MESSAGES } from "@/lib/team";
import { addMember } from "../../support/factories";
import { accountFor, auditRows, freshEmail, inviteAndReadToken, practiceWithStaff } from "./team-setup";

let db: Database;
beforeAll(async () => {
  db = await getDb();
});

async function invitationId(tenantId: string, email: string): Promise<string> {
  const [row] = await db.select({ id: invitations.id }).from(invitations).where(and(eq(invitations.tenantId, tenantId), eq(invitations.email, email)));
  return row!.id;
}

describe("the team list", () => {
  it("shows every member with email, name and role, owners first", async () => {
    const p = await practiceWithStaff(db);
    const secondOwner = await addMember(db, p.tenantId, "owner");
    const { members } = await listTeam(db, p.tenantId);
    expect(members.map((m) => [m.email, m.name, m.role])).toEqual([
      [p.owner.email, "Test User", "owner"],
      [secondOwner.email, "Test User", "owner"],
      [p.staff.email, "Test User", "staff"],
    ]);
  });

  it("lists invitations not yet accepted or revoked, newest first, and marks expired ones", async () => {
    const p = await practiceWithStaff(db);
    const [expired, open, accepted, revoked] = [freshEmail("expired"), freshEmail("open"), freshEmail("accepted"), freshEmail("revoked")];
    await inviteAndReadToken(db, p.asOwner, expired, "staff", new Date(Date.now() - 10 * 86_400_000));
    await inviteAndReadToken(db, p.asOwner, open, "owner");
    const token = await inviteAndReadToken(db, p.asOwner, accepted);
    await acceptInvitation(db, { token, userId: (await accountFor(db, accepted)).id });
    await inviteAndReadToken(db, p.asOwner, revoked);
    await revokeInvitation(db, p.asOwner, await invitationId(p.tenantId, revoked));

    const team = await listTeam(db, p.tenantId);
    expect(team.invitations.map((i) => [i.email, i.role, i.expired, i.invitedByName])).toEqual([
      [open, "owner", false, "Test User"],
      [expired, "staff", true, "Test User"],
    ]);
    expect(team.members.map((m) => m.email)).toContain(accepted);
  });
});

describe("revoking an invitation", () => {
  it("stops its link working and audits it", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    const token = await inviteAndReadToken(db, p.asOwner, email);
    const id = await invitationId(p.tenantId, email);
    expect(await revokeInvitation(db, p.asOwner, id)).toEqual({ ok: true, email });
    expect((await findInvitationByToken(db, token)).status).toBe("revoked");
    const [audit] = await auditRows(db, p.tenantId, "team.invitation-revoked");
    expect(audit).toMatchObject({ actorUserId: p.owner.id, summary: { before: { invitationId: id, email, role: "staff" } } });
  });

  it("answers not-found for an invitation already revoked or accepted, or an id that isn't one", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    const token = await inviteAndReadToken(db, p.asOwner, email);
    const id = await invitationId(p.tenantId, email);
    await acceptInvitation(db, { token, userId: (await accountFor(db, email)).id });
    expect(await revokeInvitation(db, p.asOwner, id)).toEqual({ ok: false, code: "not-found", message: TEAM_MESSAGES["not-found"] });
    expect(await revokeInvitation(db, p.asOwner, "not-a-uuid")).toMatchObject({ ok: false, code: "not-found" });
    expect(await revokeInvitation(db, p.asOwner, "00000000-0000-4000-8000-000000000000")).toMatchObject({ ok: false, code: "not-found" });
  });

  it("refuses staff and leaves the invitation open", async () => {
    const p = await practiceWithStaff(db);
    const email = freshEmail();
    const token = await inviteAndReadToken(db, p.asOwner, email);
    expect(await revokeInvitation(db, p.asStaff, await invitationId(p.tenantId, email))).toMatchObject({ ok: false, code: "forbidden" });
    expect((await findInvitationByToken(db, token)).status).toBe("open");
  });
});
