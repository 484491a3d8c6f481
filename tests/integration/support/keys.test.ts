import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, registrationKeys } from "@/db/schema";
import { claimKey } from "@/lib/registration-keys/claim-key";
import { issueKeys } from "@/lib/registration-keys/issue-keys";
import { formatKey, keyShapeProblem, normalizeKey } from "@/lib/registration-keys/key-format";
import { keyListQuerySchema } from "@/lib/registration-keys/key-schemas";
import { listKeys } from "@/lib/registration-keys/list-keys";
import { findRevokedKey } from "@/lib/registration-keys/revoked-key";
import { makePractice } from "../../support/factories";
import { auditFor, consoleFor, makeLivePractice, makeSupport, portalState } from "./support-setup";

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe("registration keys in the support console", () => {
  let db: Database;
  let support: Awaited<ReturnType<typeof makeSupport>>;
  let console_: ReturnType<typeof consoleFor>["actions"];

  beforeAll(async () => {
    db = await getDb();
    support = await makeSupport(db);
    console_ = consoleFor(db, { userId: support.id }).actions;
  });

  it("issues a batch of valid keys with the support date and note, audited, and returns them as formula-safe CSV", async () => {
    const result = await console_.issueKeys(null, { count: "3", supportUntil: day(200), note: "=HYPERLINK(\"x\") order 42" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.keys).toHaveLength(3);
    for (const k of result.data.keys) expect(keyShapeProblem(k)).toBeNull();
    const stored = await db.select().from(registrationKeys).where(eq(registrationKeys.key, normalizeKey(result.data.keys[0]!)));
    expect(stored[0]?.note).toBe("=HYPERLINK(\"x\") order 42");
    expect(stored[0]?.issuedByUserId).toBe(support.id);
    expect(stored[0]?.supportUntil.toISOString()).toBe(`${day(200)}T23:59:59.000Z`);
    const lines = result.data.csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^key,state,support_until,note/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"") order 42"`);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "registration-key.issued"));
    expect(entry).toMatchObject({ actorUserId: support.id, actorEmail: support.email, actorKind: "support", ip: "203.0.113.9", tenantId: null });
    expect((entry!.summary.after as { keys: string[] }).keys).toEqual(result.data.keys);
  });

  it("refuses a batch with a past support date or a silly count, next to the field", async () => {
    const past = await console_.issueKeys(null, { count: "1", supportUntil: day(-1) });
    expect(past.ok === false && past.fieldErrors?.supportUntil).toEqual(["Choose a date in the future."]);
    const tooMany = await console_.issueKeys(null, { count: "100000", supportUntil: day(10) });
    expect(tooMany.ok === false && tooMany.fieldErrors?.count?.[0]).toMatch(/at most/);
  });

  it("revoking a claimed key closes the practice's portal at once and tells the office why", async () => {
    const { tenant, key } = await makeLivePractice(db);
    expect(await portalState(db, tenant.slug)).toBe("live");
    const result = await console_.revokeKey(null, { keyId: key.id, reason: "Chargeback fraud" });
    expect(result).toMatchObject({ ok: true });
    expect(await portalState(db, tenant.slug)).toBe("not-ready");
    expect(await findRevokedKey(db, tenant.id)).toMatchObject({ formatted: formatKey(key.key), reason: "Chargeback fraud" });
    const [entry] = await auditFor(db, tenant.id, "registration-key.revoked");
    expect(entry?.summary.reason).toBe("Chargeback fraud");
    // A revoked key can never be claimed again, by anyone.
    const other = await makePractice(db);
    expect(await claimKey(db, { tenantId: other.tenant.id, rawKey: key.key, actorUserId: other.owner.id })).toMatchObject({ ok: false, code: "revoked" });
  });

  it("requires a reason to revoke or release", async () => {
    const { key } = await makeLivePractice(db);
    const revoke = await console_.revokeKey(null, { keyId: key.id, reason: "" });
    expect(revoke.ok === false && revoke.fieldErrors?.reason?.[0]).toMatch(/reason/);
    const release = await console_.releaseKey(null, { keyId: key.id });
    expect(release.ok).toBe(false);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "registration-key.released"))).toHaveLength(0);
  });

  it("releasing a key closes the portal and lets another practice claim it", async () => {
    const { tenant, key } = await makeLivePractice(db);
    const result = await console_.releaseKey(null, { keyId: key.id, reason: "Entered by the wrong practice" });
    expect(result).toMatchObject({ ok: true });
    expect(await portalState(db, tenant.slug)).toBe("not-ready");
    const [entry] = await auditFor(db, tenant.id, "registration-key.released");
    expect(entry?.summary).toMatchObject({ reason: "Entered by the wrong practice", before: { claimedByTenantId: tenant.id } });
    const other = await makePractice(db);
    expect(await claimKey(db, { tenantId: other.tenant.id, rawKey: key.key, actorUserId: other.owner.id })).toMatchObject({ ok: true });
  });

  it("moving the support date reopens a lapsed portal, and moving it into the past closes it", async () => {
    const { tenant, key } = await makeLivePractice(db);
    await db.update(registrationKeys).set({ supportUntil: new Date(Date.now() - 1000) }).where(eq(registrationKeys.id, key.id));
    expect(await portalState(db, tenant.slug)).toBe("not-ready");
    const result = await console_.extendSupport(null, { keyId: key.id, supportUntil: day(400) });
    expect(result).toMatchObject({ ok: true });
    expect(await portalState(db, tenant.slug)).toBe("live");
    const [entry] = await auditFor(db, tenant.id, "registration-key.support-extended");
    expect((entry?.summary.after as { supportUntil: string }).supportUntil).toBe(`${day(400)}T23:59:59.000Z`);
  });

  it("lists keys by state and finds them by key, note or practice", async () => {
    const lapsing = await issueKeys(db, { count: 1, supportUntil: new Date(Date.now() + 10 * 86_400_000), note: "lapsing-soon-batch" });
    const lapsed = await issueKeys(db, { count: 1, supportUntil: new Date(Date.now() - 86_400_000), note: "lapsed-batch" });
    const { tenant, key: claimed } = await makeLivePractice(db, { slug: "findable-practice" });
    const q = (query: Record<string, string>) => listKeys(db, keyListQuerySchema.parse(query)).then((r) => r.rows.map((k) => k.id));

    expect(await q({ status: "lapsing" })).toContain(lapsing[0]!.id);
    expect(await q({ status: "lapsing" })).not.toContain(claimed.id);
    expect(await q({ status: "lapsed" })).toEqual(expect.arrayContaining([lapsed[0]!.id]));
    expect(await q({ status: "lapsed" })).not.toContain(lapsing[0]!.id);
    expect(await q({ status: "claimed" })).toContain(claimed.id);
    expect(await q({ status: "unclaimed" })).toContain(lapsing[0]!.id);
    expect(await q({ status: "unclaimed" })).not.toContain(claimed.id);
    expect(await q({ q: formatKey(claimed.key).toLowerCase() })).toEqual([claimed.id]);
    expect(await q({ q: "findable-practice" })).toEqual([claimed.id]);
    expect(await q({ q: "lapsed-batch" })).toEqual([lapsed[0]!.id]);
    expect(tenant.slug).toBe("findable-practice");

    await console_.revokeKey(null, { keyId: lapsing[0]!.id, reason: "Sold twice" });
    expect(await q({ status: "revoked" })).toContain(lapsing[0]!.id);
    expect(await q({ status: "unclaimed" })).not.toContain(lapsing[0]!.id);
  });
});
