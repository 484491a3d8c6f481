import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { users } from "@/db/schema";
import { findMembership } from "@/lib/auth/membership";
import { LAST_OWNER_LEAVING_MESSAGE, removeMember, TEAM_MESSAGES } from "@/lib/team";
import { addMember } from "../../support/factories";
import { auditRows, practiceWithStaff, roleIn } from "./team-setup";

let db: Database;
beforeAll(async () => {
  db = await getDb();
});

describe("removing a member", () => {
  it("takes a staff member out of the practice at once, keeps their account and audits it", async () => {
    const p = await practiceWithStaff(db);
    expect(await removeMember(db, p.asOwner, { userId: p.staff.id })).toEqual({ ok: true, removedSelf: false });
    expect(await roleIn(db, p.tenantId, p.staff.id)).toBeNull();
    expect(await findMembership(db, p.staff.id)).toBeNull();
    expect(await db.select({ id: users.id }).from(users).where(eq(users.id, p.staff.id))).toHaveLength(1);
    const [audit] = await auditRows(db, p.tenantId, "team.removed");
    expect(audit).toMatchObject({ actorUserId: p.owner.id, summary: { before: { userId: p.staff.id, email: p.staff.email, role: "staff" } } });
  });

  it("refuses the last owner removing themselves", async () => {
    const p = await practiceWithStaff(db);
    const result = await removeMember(db, p.asOwner, { userId: p.owner.id });
    expect(result).toEqual({ ok: false, code: "last-owner", message: LAST_OWNER_LEAVING_MESSAGE });
    expect(await roleIn(db, p.tenantId, p.owner.id)).toBe("owner");
    expect(await auditRows(db, p.tenantId, "team.removed")).toEqual([]);
  });

  it("lets an owner leave while another owner remains", async () => {
    const p = await practiceWithStaff(db);
    await addMember(db, p.tenantId, "owner");
    expect(await removeMember(db, p.asOwner, { userId: p.owner.id })).toEqual({ ok: true, removedSelf: true });
    expect(await roleIn(db, p.tenantId, p.owner.id)).toBeNull();
  });

  it("removes another owner while one remains, and never the last", async () => {
    const p = await practiceWithStaff(db);
    const second = await addMember(db, p.tenantId, "owner");
    expect((await removeMember(db, p.asOwner, { userId: second.id })).ok).toBe(true);
    expect(await removeMember(db, p.asOwner, { userId: p.owner.id })).toMatchObject({ ok: false, code: "last-owner" });
  });

  it("leaves one owner when two owners remove each other at the same moment", async () => {
    const p = await practiceWithStaff(db);
    const second = await addMember(db, p.tenantId, "owner");
    const results = await Promise.all([
      removeMember(db, p.asOwner, { userId: second.id }),
      removeMember(db, { tenantId: p.tenantId, actorUserId: second.id }, { userId: p.owner.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const left = [await roleIn(db, p.tenantId, p.owner.id), await roleIn(db, p.tenantId, second.id)].filter(Boolean);
    expect(left).toEqual(["owner"]);
  });

  it("refuses staff removing anyone, themselves or the owner included", async () => {
    const p = await practiceWithStaff(db);
    const other = await addMember(db, p.tenantId, "staff");
    for (const userId of [other.id, p.owner.id, p.staff.id]) {
      expect(await removeMember(db, p.asStaff, { userId })).toEqual({ ok: false, code: "forbidden", message: TEAM_MESSAGES.forbidden });
    }
    expect([await roleIn(db, p.tenantId, other.id), await roleIn(db, p.tenantId, p.owner.id), await roleIn(db, p.tenantId, p.staff.id)]).toEqual(["staff", "owner", "staff"]);
  });

  it("answers not-found for a user who isn't a member", async () => {
    const p = await practiceWithStaff(db);
    expect(await removeMember(db, p.asOwner, { userId: "no-such-user" })).toMatchObject({ ok: false, code: "not-found" });
  });
});
