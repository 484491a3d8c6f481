import { count, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { clinics, memberships, patients, registrationKeys, tenants, users } from "@/db/schema";
import { DEMO, seedDemo } from "@/db/seed";
import { verifyPassword } from "@/lib/auth/password";
import { keyShapeProblem } from "@/lib/registration-keys/key-format";

describe("demo seed", () => {
  it("creates the demo practice with two clinics, 50 patients, logins and unclaimed keys, once", async () => {
    const db = await getDb();
    const first = await seedDemo(db);
    expect(first?.unclaimedKeys).toHaveLength(5);
    for (const key of first!.unclaimedKeys) expect(keyShapeProblem(key)).toBeNull();
    expect(await seedDemo(db)).toBeNull();

    const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, DEMO.slug));
    const [clinicCount] = await db.select({ n: count() }).from(clinics).where(eq(clinics.tenantId, tenant!.id));
    const [patientCount] = await db.select({ n: count() }).from(patients).where(eq(patients.tenantId, tenant!.id));
    expect(clinicCount?.n).toBe(2);
    expect(patientCount?.n).toBe(50);
    const [unclaimed] = await db.select({ n: count() }).from(registrationKeys).where(isNull(registrationKeys.claimedByTenantId));
    expect(unclaimed?.n).toBe(5);

    const [owner] = await db.select().from(users).where(eq(users.email, DEMO.ownerEmail));
    expect(await verifyPassword(DEMO.password, owner!.passwordHash)).toBe(true);
    const [membership] = await db.select().from(memberships).where(eq(memberships.userId, owner!.id));
    expect(membership?.role).toBe("owner");
    const [support] = await db.select().from(users).where(eq(users.email, DEMO.supportEmail));
    expect(support?.platformRole).toBe("support-admin");
  });

  it("stores every balance as whole cents", async () => {
    const db = await getDb();
    await seedDemo(db);
    const rows = await db.select({ b: patients.balanceCents }).from(patients);
    expect(rows.every((r) => Number.isInteger(r.b) && r.b >= 0)).toBe(true);
  });
});
