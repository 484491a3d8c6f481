import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { processorAccounts, registrationKeys, tenants } from "@/db/schema";
import { DEMO, seedDemo } from "@/db/seed";
import { loadPortalTenant, portalAvailability } from "@/lib/tenancy/portal-tenant";

let db: Database;
beforeAll(async () => {
  db = await getDb();
  await seedDemo(db);
});

describe("portal tenant", () => {
  it("loads the demo practice with its clinics and no private fields", async () => {
    const t = await loadPortalTenant(db, DEMO.slug);
    expect(t?.name).toBe(DEMO.name);
    expect(t?.clinics.map((c) => c.slug).sort()).toEqual(["downtown", "northside"]);
    expect(Object.keys(t!)).not.toContain("suspendedReason");
    expect(portalAvailability(t!)).toBe("live");
  });

  it("returns null for an unknown subdomain", async () => {
    expect(await loadPortalTenant(db, "no-such-practice")).toBeNull();
  });

  it("closes the portal when support has lapsed", async () => {
    const t = await loadPortalTenant(db, DEMO.slug);
    const afterSupport = new Date(new Date(t!.supportUntil!).getTime() + 1000);
    expect(portalAvailability(t!, afterSupport)).toBe("not-ready");
  });

  it("closes the portal for a suspended practice, a revoked key, or a processor that can't charge", async () => {
    const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, DEMO.slug));
    await db.update(tenants).set({ status: "suspended" }).where(eq(tenants.id, tenant!.id));
    expect(portalAvailability((await loadPortalTenant(db, DEMO.slug))!)).toBe("suspended");
    await db.update(tenants).set({ status: "active" }).where(eq(tenants.id, tenant!.id));

    await db.update(processorAccounts).set({ chargesEnabled: false }).where(eq(processorAccounts.tenantId, tenant!.id));
    expect(portalAvailability((await loadPortalTenant(db, DEMO.slug))!)).toBe("not-ready");
    await db.update(processorAccounts).set({ chargesEnabled: true }).where(eq(processorAccounts.tenantId, tenant!.id));

    await db.update(registrationKeys).set({ revokedAt: new Date() }).where(eq(registrationKeys.claimedByTenantId, tenant!.id));
    const revoked = (await loadPortalTenant(db, DEMO.slug))!;
    expect(revoked.supportUntil).toBeNull();
    expect(portalAvailability(revoked)).toBe("not-ready");
  });

  it("shows a practice that has not finished setup as not ready", async () => {
    await db.insert(tenants).values({ slug: "new-practice", name: "New Practice" });
    expect(portalAvailability((await loadPortalTenant(db, "new-practice"))!)).toBe("not-ready");
  });
});
