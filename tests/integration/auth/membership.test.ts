import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { findMembership } from "@/lib/auth/membership";
import { addMember, insertTenant, insertUser } from "./records";

describe("finding a user's practice", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  it("finds nothing for a user who belongs to no practice", async () => {
    const user = await insertUser(db);
    await insertTenant(db, "Someone Else's Practice");
    expect(await findMembership(db, user.id)).toBeNull();
  });

  it("returns the practice and the user's role in it", async () => {
    const user = await insertUser(db);
    const tenant = await insertTenant(db, "Harbor Dental");
    await addMember(db, tenant.id, user.id, "staff");
    const found = await findMembership(db, user.id);
    expect(found?.tenant.id).toBe(tenant.id);
    expect(found?.tenant.name).toBe("Harbor Dental");
    expect(found?.role).toBe("staff");
  });

  it("picks the oldest membership when the user belongs to several and no practice is preferred", async () => {
    const user = await insertUser(db);
    const newer = await insertTenant(db, "Newer");
    const older = await insertTenant(db, "Older");
    await addMember(db, newer.id, user.id, "staff", new Date("2026-06-01T00:00:00Z"));
    await addMember(db, older.id, user.id, "owner", new Date("2026-01-01T00:00:00Z"));
    expect(await findMembership(db, user.id)).toMatchObject({ tenant: { id: older.id }, role: "owner" });
  });

  it("picks the practice the cookie names when the user really is a member of it", async () => {
    const user = await insertUser(db);
    const first = await insertTenant(db, "First");
    const second = await insertTenant(db, "Second");
    await addMember(db, first.id, user.id, "owner", new Date("2026-01-01T00:00:00Z"));
    await addMember(db, second.id, user.id, "staff", new Date("2026-02-01T00:00:00Z"));
    expect(await findMembership(db, user.id, second.id)).toMatchObject({ tenant: { id: second.id }, role: "staff" });
  });

  it("ignores a cookie naming a practice the user does not belong to", async () => {
    const user = await insertUser(db);
    const own = await insertTenant(db, "Own");
    const foreign = await insertTenant(db, "Foreign");
    await addMember(db, own.id, user.id, "staff");
    expect((await findMembership(db, user.id, foreign.id))?.tenant.id).toBe(own.id);
  });

  it("gives a non-member nothing even when the cookie names a real practice", async () => {
    const user = await insertUser(db);
    const foreign = await insertTenant(db, "Foreign");
    expect(await findMembership(db, user.id, foreign.id)).toBeNull();
  });

  it("treats a cookie that is not a practice id as no preference", async () => {
    const user = await insertUser(db);
    const own = await insertTenant(db, "Own");
    await addMember(db, own.id, user.id, "owner");
    expect((await findMembership(db, user.id, "'; drop table tenants; --"))?.tenant.id).toBe(own.id);
  });
});
