import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { changeMemberRole, TEAM_MESSAGES } from "@/lib/team";
import { addMember } from "../../support/factories";
import { auditRows, practiceWithStaff, roleIn } from "./team-setup";

let db: Database;
beforeAll(async () => {
  db = await getDb();
});

describe("changing a member's role", () => {
  it("makes staff an owner and audits the role before and after", async () => {
    const p = await practiceWithStaff(db);
    expect(await changeMemberRole(db, p.asOwner, { userId: p.staff.id, role: "owner" })).toEqual({ ok: true, changed: true, role: "owner" });
    expect(await roleIn(db, p.tenantId, p.staff.id)).toBe("owner");
    const [audit] = await auditRows(db, p.tenantId, "team.role-changed");
    expect(audit).toMatchObject({
      actorUserId: p.owner.id,
      summary: { before: { userId: p.staff.id, email: p.staff.email, role: "staff" }, after: { userId: p.staff.id, email: p.staff.email, role: "owner" } },
    });
  });

  it("demotes an owner while another owner remains, including the owner themselves", async () => {
    const p = await practiceWithStaff(db);
    const second = await addMember(db, p.tenantId, "owner");
    expect((await changeMemberRole(db, p.asOwner, { userId: second.id, role: "staff" })).ok).toBe(true);
    expect(await roleIn(db, p.tenantId, second.id)).toBe("staff");
    await changeMemberRole(db, p.asOwner, { userId: second.id, role: "owner" });
    expect((await changeMemberRole(db, p.asOwner, { userId: p.owner.id, role: "staff" })).ok).toBe(true);
    expect(await roleIn(db, p.tenantId, p.owner.id)).toBe("staff");
  });

  it("never demotes the last owner", async () => {
    const p = await practiceWithStaff(db);
    const result = await changeMemberRole(db, p.asOwner, { userId: p.owner.id, role: "staff" });
    expect(result).toEqual({ ok: false, code: "last-owner", message: TEAM_MESSAGES["last-owner"] });
    expect(await roleIn(db, p.tenantId, p.owner.id)).toBe("owner");
    expect(await auditRows(db, p.tenantId, "team.role-changed")).toEqual([]);
  });

  it("leaves one owner when two owners demote each other at the same moment", async () => {
    const p = await practiceWithStaff(db);
    const second = await addMember(db, p.tenantId, "owner");
    const asSecond = { tenantId: p.tenantId, actorUserId: second.id };
    const results = await Promise.all([
      changeMemberRole(db, p.asOwner, { userId: second.id, role: "staff" }),
      changeMemberRole(db, asSecond, { userId: p.owner.id, role: "staff" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const roles = [await roleIn(db, p.tenantId, p.owner.id), await roleIn(db, p.tenantId, second.id)];
    expect(roles.sort()).toEqual(["owner", "staff"]);
  });

  it("changes nothing when the role is already the one asked for", async () => {
    const p = await practiceWithStaff(db);
    expect(await changeMemberRole(db, p.asOwner, { userId: p.staff.id, role: "staff" })).toEqual({ ok: true, changed: false, role: "staff" });
    expect(await auditRows(db, p.tenantId, "team.role-changed")).toEqual([]);
  });

  it("refuses staff, even promoting themselves", async () => {
    const p = await practiceWithStaff(db);
    const other = await addMember(db, p.tenantId, "staff");
    expect(await changeMemberRole(db, p.asStaff, { userId: p.staff.id, role: "owner" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await changeMemberRole(db, p.asStaff, { userId: other.id, role: "owner" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await changeMemberRole(db, p.asStaff, { userId: p.owner.id, role: "staff" })).toMatchObject({ ok: false, code: "forbidden" });
    expect([await roleIn(db, p.tenantId, p.staff.id), await roleIn(db, p.tenantId, other.id), await roleIn(db, p.tenantId, p.owner.id)]).toEqual(["staff", "staff", "owner"]);
  });

  it("refuses an owner who was demoted a moment ago", async () => {
    const p = await practiceWithStaff(db);
    const second = await addMember(db, p.tenantId, "owner");
    await changeMemberRole(db, { tenantId: p.tenantId, actorUserId: second.id }, { userId: p.owner.id, role: "staff" });
    expect(await changeMemberRole(db, p.asOwner, { userId: p.staff.id, role: "owner" })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("answers not-found for a user who isn't a member", async () => {
    const p = await practiceWithStaff(db);
    expect(await changeMemberRole(db, p.asOwner, { userId: "no-such-user", role: "owner" })).toMatchObject({ ok: false, code: "not-found" });
  });
});
