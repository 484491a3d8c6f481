import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { DEMO, seedDemo } from "@/db/seed";
import { loadPortalTenant, portalAvailability } from "@/lib/tenancy/portal-tenant";

// env() is read lazily on first use, so setting the key here (before any call) configures Stripe for this file.
process.env.STRIPE_SECRET_KEY = "sk_test_configured";

describe("a demo processor on a deployment with Stripe keys", () => {
  it("can't take payments, so the portal stays closed", async () => {
    const db = await getDb();
    await seedDemo(db);
    const tenant = await loadPortalTenant(db, DEMO.slug);
    expect(tenant?.processorReady).toBe(false);
    expect(portalAvailability(tenant!)).toBe("not-ready");
  });
});
