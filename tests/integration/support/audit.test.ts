import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, tenants } from "@/db/schema";
import { auditToCsv } from "@/lib/audit/audit-csv";
import { listAudit } from "@/lib/audit/list-audit";
import { recordAudit } from "@/lib/audit/record-audit";
import { connectDemoProcessor } from "@/lib/payments/demo/connect-demo";
import { disconnectProcessor } from "@/lib/payments/disconnect-processor";
import { updatePracticeSettings } from "@/lib/tenancy/practice-settings";
import { makePractice } from "../../support/factories";
import { auditFor, consoleFor, makeLivePractice, makeSupport, portalState } from "./support-setup";

describe("the audit trail", () => {
  let db: Database;
  beforeAll(async () => {
    db = await getDb();
  });

  it("refuses to rewrite or delete an entry written by a support action", async () => {
    const support = await makeSupport(db);
    const { tenant } = await makeLivePractice(db);
    await consoleFor(db, { userId: support.id }).actions.suspend(null, { practiceId: tenant.id, reason: "Append-only check" });
    const [entry] = await auditFor(db, tenant.id, "practice.suspended");
    await expect(db.update(auditLog).set({ action: "nothing-happened" }).where(eq(auditLog.id, entry!.id))).rejects.toThrow();
    await expect(db.delete(auditLog).where(eq(auditLog.id, entry!.id))).rejects.toThrow();
    expect((await auditFor(db, tenant.id, "practice.suspended")).map((e) => e.id)).toEqual([entry!.id]);
  });

  it("rolls a change back when its audit entry can't be written", async () => {
    const support = await makeSupport(db);
    const { tenant } = await makeLivePractice(db);
    // Make the database refuse exactly this kind of entry, as a failing audit insert would.
    await db.execute(sql`alter table audit_log add constraint test_refuse_suspend check (action <> 'practice.suspended') not valid`);
    try {
      await expect(consoleFor(db, { userId: support.id }).actions.suspend(null, { practiceId: tenant.id, reason: "Should not stick" })).rejects.toThrow();
    } finally {
      await db.execute(sql`alter table audit_log drop constraint test_refuse_suspend`);
    }
    expect((await db.select().from(tenants).where(eq(tenants.id, tenant.id)))[0]?.status).toBe("active");
    expect(await portalState(db, tenant.slug)).toBe("live");
    expect(await auditFor(db, tenant.id, "practice.suspended")).toEqual([]);
  });

  it("writes no entry for a change that was refused", async () => {
    const support = await makeSupport(db);
    const { tenant } = await makePractice(db);
    const result = await consoleFor(db, { userId: support.id }).actions.unsuspend(null, { practiceId: tenant.id, reason: "Was never suspended" });
    expect(result.ok).toBe(false);
    expect(await auditFor(db, tenant.id, "practice.unsuspended")).toEqual([]);
  });

  it("records owner-level changes in the office with the actor's email, in the same transaction", async () => {
    const { tenant, owner } = await makePractice(db);
    await updatePracticeSettings(db, tenant.id, { name: "Renamed Dental", phone: "(555) 010-2000", accentColor: "#0f766e", maxPayment: 100_000 }, owner.id, "198.51.100.7");
    await connectDemoProcessor(db, { tenantId: tenant.id, actorUserId: owner.id, ip: "198.51.100.7" });
    await disconnectProcessor(db, { tenantId: tenant.id, actorUserId: owner.id, ip: "198.51.100.7" });
    const entries = await auditFor(db, tenant.id);
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(["practice.created", "practice.settings-changed", "processor.connected", "processor.disconnected"]);
    for (const e of entries) expect(e.actorEmail, e.action).toBe(owner.email);
  });

  it("shows an office only its own practice's entries, and exports formula-safe CSV", async () => {
    const mine = await makePractice(db, { name: "=Mine Dental" });
    const theirs = await makePractice(db);
    await recordAudit(db, { tenantId: theirs.tenant.id, actorUserId: theirs.owner.id, action: "test.other-practice" });
    const own = await listAudit(db, { page: 1 }, mine.tenant.id);
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.rows.every((r) => r.tenantId === mine.tenant.id)).toBe(true);
    const csv = auditToCsv(own.rows);
    expect(csv.split("\r\n")[0]).toBe("time,practice,subdomain,actor,actor_kind,action,summary,ip");
    expect(csv).toContain(",'=Mine Dental,");
    expect(csv).not.toMatch(/(^|,)=Mine/m);
  });

  it("filters the console's trail by practice, actor kind and action", async () => {
    const support = await makeSupport(db);
    const { tenant } = await makeLivePractice(db, { slug: "audit-filter-practice" });
    await consoleFor(db, { userId: support.id }).actions.suspend(null, { practiceId: tenant.id, reason: "Filter check" });
    const bySupport = await listAudit(db, { practice: "audit-filter", kind: "support" });
    expect(bySupport.rows.map((r) => r.action)).toEqual(["practice.suspended"]);
    expect(bySupport.rows[0]).toMatchObject({ actorEmail: support.email, ip: "203.0.113.9", tenantSlug: "audit-filter-practice" });
    const byAction = await listAudit(db, { practice: "audit-filter", action: "registration-key" });
    expect(byAction.rows.map((r) => r.action)).toEqual(["registration-key.claimed"]);
  });
});
