import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { processorAccounts, registrationKeys, tenants } from "@/db/schema";
import { DEMO, seedDemo } from "@/db/seed";
import { claimKey } from "@/lib/registration-keys/claim-key";
import { issueKeys } from "@/lib/registration-keys/issue-keys";
import { loadSetupState } from "@/lib/tenancy/setup-state";
import { makePractice } from "../../support/factories";

let db: Database;
beforeAll(async () => {
  db = await getDb();
});

describe("setup state", () => {
  it("walks a new practice from nothing to live", async () => {
    const { tenant, owner } = await makePractice(db);
    expect(await loadSetupState(db, tenant.id)).toMatchObject({ key: { state: "missing" }, processor: { state: "missing" }, linkShared: false, live: false });
    const [key] = await issueKeys(db, { count: 1, supportUntil: new Date(Date.now() + 86_400_000) });
    await claimKey(db, { tenantId: tenant.id, rawKey: key!.key, actorUserId: owner.id });
    expect((await loadSetupState(db, tenant.id)).key.state).toBe("active");
    await db.insert(processorAccounts).values({ tenantId: tenant.id, kind: "stripe", externalAccountId: "acct_setup_test" });
    expect(await loadSetupState(db, tenant.id)).toMatchObject({ processor: { state: "onboarding", kind: "stripe" }, live: false });
    await db.update(processorAccounts).set({ chargesEnabled: true }).where(eq(processorAccounts.tenantId, tenant.id));
    expect((await loadSetupState(db, tenant.id)).live).toBe(true);
  });

  it("reports a lapsed key and a suspension, and is then not live", async () => {
    await seedDemo(db);
    const [demo] = await db.select().from(tenants).where(eq(tenants.slug, DEMO.slug));
    expect((await loadSetupState(db, demo!.id)).live).toBe(true);
    const later = new Date(Date.now() + 2 * 365 * 86_400_000);
    expect(await loadSetupState(db, demo!.id, later)).toMatchObject({ key: { state: "lapsed" }, live: false });
    await db.update(tenants).set({ status: "suspended", suspendedReason: "Unpaid invoice" }).where(eq(tenants.id, demo!.id));
    expect(await loadSetupState(db, demo!.id)).toMatchObject({ suspended: { reason: "Unpaid invoice" }, live: false });
    await db.update(tenants).set({ status: "active", suspendedReason: null }).where(eq(tenants.id, demo!.id));
    await db.update(registrationKeys).set({ revokedAt: new Date() }).where(eq(registrationKeys.claimedByTenantId, demo!.id));
    expect((await loadSetupState(db, demo!.id)).key.state).toBe("missing");
  });
});
