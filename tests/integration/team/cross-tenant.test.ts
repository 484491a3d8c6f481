import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, invitations } from "@/db/schema";
import { acceptInvitation, changeMemberRole, findInvitationByToken, inviteMember, listTeam, removeMember, revokeInvitation } from "@/lib/team";
import { accountFor, freshEmail, inviteAndReadToken, practiceWithStaff, roleIn, type Practice } from "./team-setup";

// Every team function takes the practice from the caller's session (TeamActor.tenantId). Here the
// owner of practice A hands A's functions practice B's member and invitation ids: nothing in B changes.

let db: Database;
let a: Practice;
let b: Practice;
let bInvitationId: string;
let bInvitationToken: string;
beforeAll(async () => {
  db = await getDb();
  a = await practiceWithStaff(db);
  b = await practiceWithStaff(db);
  const email = freshEmail("b-invitee");
  bInvitationToken = await inviteAndReadToken(db, b.asOwner, email);
  const [row] = await db.select({ id: invitations.id }).from(invitations).where(eq(invitations.tenantId, b.tenantId));
  bInvitationId = row!.id;
});

async function bAuditCount(): Promise<number> {
  return (await db.select().from(auditLog).where(eq(auditLog.tenantId, b.tenantId))).length;
}

describe("an owner of practice A using practice B's ids", () => {
  it("can't change the role of B's members", async () => {
    const before = await bAuditCount();
    expect(await changeMemberRole(db, a.asOwner, { userId: b.staff.id, role: "owner" })).toMatchObject({ ok: false, code: "not-found" });
    expect(await changeMemberRole(db, a.asOwner, { userId: b.owner.id, role: "staff" })).toMatchObject({ ok: false, code: "not-found" });
    expect([await roleIn(db, b.tenantId, b.staff.id), await roleIn(db, b.tenantId, b.owner.id)]).toEqual(["staff", "owner"]);
    expect(await roleIn(db, a.tenantId, b.staff.id)).toBeNull();
    expect(await bAuditCount()).toBe(before);
  });

  it("can't remove B's members", async () => {
    expect(await removeMember(db, a.asOwner, { userId: b.staff.id })).toMatchObject({ ok: false, code: "not-found" });
    expect(await removeMember(db, a.asOwner, { userId: b.owner.id })).toMatchObject({ ok: false, code: "not-found" });
    expect([await roleIn(db, b.tenantId, b.staff.id), await roleIn(db, b.tenantId, b.owner.id)]).toEqual(["staff", "owner"]);
  });

  it("can't revoke B's invitation", async () => {
    expect(await revokeInvitation(db, a.asOwner, bInvitationId)).toMatchObject({ ok: false, code: "not-found" });
    expect((await findInvitationByToken(db, bInvitationToken)).status).toBe("open");
  });

  it("can't act as an owner of B by naming B's tenant id", async () => {
    const forged = { tenantId: b.tenantId, actorUserId: a.owner.id };
    expect(await inviteMember(db, forged, { email: freshEmail(), role: "owner" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await changeMemberRole(db, forged, { userId: b.staff.id, role: "owner" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await removeMember(db, forged, { userId: b.staff.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await revokeInvitation(db, forged, bInvitationId)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await roleIn(db, b.tenantId, b.staff.id)).toBe("staff");
    expect((await findInvitationByToken(db, bInvitationToken)).status).toBe("open");
  });

  it("doesn't see B's members or invitations in A's team list", async () => {
    const team = await listTeam(db, a.tenantId);
    const ids = team.members.map((m) => m.userId);
    expect(ids).not.toContain(b.owner.id);
    expect(ids).not.toContain(b.staff.id);
    expect(team.invitations.map((i) => i.id)).not.toContain(bInvitationId);
  });

  it("can invite an address B has invited, without touching B's invitation", async () => {
    const [bRow] = await db.select().from(invitations).where(eq(invitations.id, bInvitationId));
    expect((await inviteMember(db, a.asOwner, { email: bRow!.email, role: "staff" })).ok).toBe(true);
    expect((await findInvitationByToken(db, bInvitationToken)).status).toBe("open");
  });
});

describe("accepting an invitation", () => {
  it("adds the person to the inviting practice only", async () => {
    const email = freshEmail();
    const token = await inviteAndReadToken(db, a.asOwner, email);
    const invitee = await accountFor(db, email);
    expect(await acceptInvitation(db, { token, userId: invitee.id })).toMatchObject({ ok: true, tenantId: a.tenantId });
    expect(await roleIn(db, a.tenantId, invitee.id)).toBe("staff");
    expect(await roleIn(db, b.tenantId, invitee.id)).toBeNull();
    const open = await db
      .select()
      .from(invitations)
      .where(and(eq(invitations.tenantId, b.tenantId), eq(invitations.id, bInvitationId)));
    expect(open[0]?.acceptedAt).toBeNull();
  });
});
