import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, processorAccounts } from "@/db/schema";
import {
  availableProcessors,
  disconnectProcessor,
  getProcessorStatus,
  processorDashboardLink,
  refreshProcessorStatus,
  startProcessorOnboarding,
  type ProcessorActor,
} from "@/lib/payments";
import { loadPortalTenant } from "@/lib/tenancy/portal-tenant";
import { makePractice } from "../../support/factories";

// No Stripe keys in this file: the installation offers only the built-in demo processor.
let db: Database;

beforeAll(async () => {
  // env() caches its first read: clear any Stripe key the shell may carry before anything asks for it.
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_API_BASE;
  db = await getDb();
});

async function practice(): Promise<ProcessorActor & { slug: string }> {
  const { tenant, owner } = await makePractice(db);
  return { tenantId: tenant.id, actorUserId: owner.id, ip: "198.51.100.4", slug: tenant.slug };
}

describe("the demo processor", () => {
  it("is the only processor offered when Stripe isn't configured, and Stripe onboarding is refused", async () => {
    const actor = await practice();

    expect(availableProcessors().map((p) => p.kind)).toEqual(["demo"]);
    expect(await startProcessorOnboarding(db, actor, "stripe")).toMatchObject({ ok: false, code: "unavailable" });
    expect(await getProcessorStatus(db, actor.tenantId)).toBeNull();
  });

  it("connects in one step with charges enabled, audited, and opens the practice's portal", async () => {
    const actor = await practice();
    expect((await loadPortalTenant(db, actor.slug))?.processorReady).toBe(false);

    const connected = await startProcessorOnboarding(db, actor, "demo");

    expect(connected).toMatchObject({ ok: true, next: "connected", portalChanged: true, status: { kind: "demo", chargesEnabled: true, detailsSubmitted: true, requirementsDue: [] } });
    expect((await loadPortalTenant(db, actor.slug))?.processorReady).toBe(true);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, actor.tenantId), eq(auditLog.action, "processor.connected")));
    expect(audit).toMatchObject({ actorUserId: actor.actorUserId, ip: "198.51.100.4", summary: { after: { kind: "demo", chargesEnabled: true } } });
  });

  it("treats connecting again as a no-op, and refreshing as reading our own row", async () => {
    const actor = await practice();
    await startProcessorOnboarding(db, actor, "demo");

    expect(await startProcessorOnboarding(db, actor, "demo")).toMatchObject({ ok: true, next: "connected", portalChanged: false });
    expect(await refreshProcessorStatus(db, actor)).toMatchObject({ ok: true, portalChanged: false, status: { kind: "demo", chargesEnabled: true } });
    expect(await db.select().from(processorAccounts).where(eq(processorAccounts.tenantId, actor.tenantId))).toHaveLength(1);
  });

  it("has no processor dashboard to open", async () => {
    const actor = await practice();
    await startProcessorOnboarding(db, actor, "demo");

    expect(await processorDashboardLink(db, actor.tenantId)).toMatchObject({ ok: false, code: "unavailable" });
  });

  it("disconnects: the row is gone, the change is audited, and the portal closes", async () => {
    const actor = await practice();
    await startProcessorOnboarding(db, actor, "demo");

    expect(await disconnectProcessor(db, actor)).toEqual({ ok: true, portalChanged: true });

    expect(await getProcessorStatus(db, actor.tenantId)).toBeNull();
    expect((await loadPortalTenant(db, actor.slug))?.processorReady).toBe(false);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.tenantId, actor.tenantId))).map((a) => a.action);
    expect(actions).toContain("processor.disconnected");
  });

  it("connects one practice without touching another", async () => {
    const a = await practice();
    const b = await practice();

    await startProcessorOnboarding(db, a, "demo");

    expect(await getProcessorStatus(db, b.tenantId)).toBeNull();
    expect(await disconnectProcessor(db, b)).toMatchObject({ ok: false, code: "not-connected" });
    expect(await getProcessorStatus(db, a.tenantId)).toMatchObject({ kind: "demo", chargesEnabled: true });
  });
});
