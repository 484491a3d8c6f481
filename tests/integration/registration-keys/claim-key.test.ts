import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, registrationKeys } from "@/db/schema";
import { claimKey } from "@/lib/registration-keys/claim-key";
import { issueKeys } from "@/lib/registration-keys/issue-keys";
import { formatKey } from "@/lib/registration-keys/key-format";
import { makePractice } from "../../support/factories";

let db: Database;
const inAYear = () => new Date(Date.now() + 365 * 86_400_000);
beforeAll(async () => {
  db = await getDb();
});

describe("claiming a registration key", () => {
  it("gives a practice a valid key typed in lower case with spaces, and audits it", async () => {
    const { tenant, owner } = await makePractice(db);
    const [key] = await issueKeys(db, { count: 1, supportUntil: inAYear() });
    const typed = formatKey(key!.key).toLowerCase().replaceAll("-", " ");
    const result = await claimKey(db, { tenantId: tenant.id, rawKey: typed, actorUserId: owner.id });
    expect(result.ok).toBe(true);
    const [row] = await db.select().from(registrationKeys).where(eq(registrationKeys.id, key!.id));
    expect(row?.claimedByTenantId).toBe(tenant.id);
    const audits = await db.select().from(auditLog).where(eq(auditLog.tenantId, tenant.id));
    expect(audits.map((a) => a.action)).toContain("registration-key.claimed");
  });

  it("explains each kind of refusal and changes nothing", async () => {
    const { tenant, owner } = await makePractice(db);
    const other = await makePractice(db);
    const [revoked, lapsed, taken] = await issueKeys(db, { count: 3, supportUntil: inAYear() });
    await db.update(registrationKeys).set({ revokedAt: new Date() }).where(eq(registrationKeys.id, revoked!.id));
    await db.update(registrationKeys).set({ supportUntil: new Date("2020-03-01T00:00:00Z") }).where(eq(registrationKeys.id, lapsed!.id));
    expect((await claimKey(db, { tenantId: other.tenant.id, rawKey: taken!.key, actorUserId: other.owner.id })).ok).toBe(true);

    const attempt = (rawKey: string) => claimKey(db, { tenantId: tenant.id, rawKey, actorUserId: owner.id });
    expect(await attempt("ABCD-EFGH")).toMatchObject({ ok: false, code: "shape" });
    const typo = taken!.key.slice(0, 3) + (taken!.key[3] === "A" ? "B" : "A") + taken!.key.slice(4);
    expect(await attempt(typo)).toMatchObject({ ok: false, code: "shape", message: expect.stringContaining("typo") });
    expect(await attempt(revoked!.key)).toMatchObject({ ok: false, code: "revoked" });
    expect(await attempt(lapsed!.key)).toMatchObject({ ok: false, code: "lapsed", message: expect.stringContaining("March 1, 2020") });
    expect(await attempt(taken!.key)).toMatchObject({ ok: false, code: "claimed", message: "That key is already in use by another practice." });
    const held = await db.select().from(registrationKeys).where(eq(registrationKeys.claimedByTenantId, tenant.id));
    expect(held).toEqual([]);
  });

  it("refuses a well-formed key nobody issued", async () => {
    const { tenant, owner } = await makePractice(db);
    const [key] = await issueKeys(db, { count: 1, supportUntil: inAYear() });
    await db.delete(registrationKeys).where(eq(registrationKeys.id, key!.id));
    expect(await claimKey(db, { tenantId: tenant.id, rawKey: key!.key, actorUserId: owner.id })).toMatchObject({ ok: false, code: "unknown" });
  });

  it("lets exactly one of many racing practices win one key", async () => {
    const racers = await Promise.all(Array.from({ length: 6 }, () => makePractice(db)));
    const [key] = await issueKeys(db, { count: 1, supportUntil: inAYear() });
    const results = await Promise.all(racers.map((r) => claimKey(db, { tenantId: r.tenant.id, rawKey: key!.key, actorUserId: r.owner.id })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "claimed")).toHaveLength(5);
  });

  it("replaces the practice's old key when it claims a new one", async () => {
    const { tenant, owner } = await makePractice(db);
    const [first, second] = await issueKeys(db, { count: 2, supportUntil: inAYear() });
    await claimKey(db, { tenantId: tenant.id, rawKey: first!.key, actorUserId: owner.id });
    expect((await claimKey(db, { tenantId: tenant.id, rawKey: second!.key, actorUserId: owner.id })).ok).toBe(true);
    const [old] = await db.select().from(registrationKeys).where(eq(registrationKeys.id, first!.id));
    expect(old?.claimedByTenantId).toBeNull();
    expect(old?.revokedReason).toContain("Replaced");
    expect((await claimKey(db, { tenantId: tenant.id, rawKey: second!.key, actorUserId: owner.id })).ok).toBe(true);
  });
});
