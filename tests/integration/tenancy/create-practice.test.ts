import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, clinics, memberships, tenantSlugRedirects, tenants } from "@/db/schema";
import { clinicSlug, createPractice, isSlugAvailable } from "@/lib/tenancy/create-practice";
import { newPracticeSchema } from "@/lib/tenancy/practice-schemas";
import { makeUser } from "../../support/factories";

let db: Database;
beforeAll(async () => {
  db = await getDb();
});

const input = (slug: string) =>
  newPracticeSchema.parse({
    name: "Lakeside Dental",
    slug,
    timeZone: "America/Denver",
    phone: "(555) 301-2000",
    clinicName: "Lakeside Dental – Main",
    clinicAddress: "9 Shore Rd, Laketown",
    clinicPhone: "555.301.2001",
  });

describe("creating a practice", () => {
  it("refuses an address a moved practice still redirects from, and allows it once the redirect has expired", async () => {
    const first = await createPractice(db, (await makeUser(db)).id, input("moved-here"));
    if (!first.ok) throw new Error(first.message);
    await db.insert(tenantSlugRedirects).values({ oldSlug: "moved-away", tenantId: first.tenant.id, expiresAt: new Date(Date.now() + 86_400_000) });
    expect(await isSlugAvailable(db, "moved-away")).toBe(false);
    expect(await createPractice(db, (await makeUser(db)).id, input("moved-away"))).toMatchObject({ ok: false, field: "slug" });
    await db.update(tenantSlugRedirects).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(tenantSlugRedirects.oldSlug, "moved-away"));
    expect(await isSlugAvailable(db, "moved-away")).toBe(true);
    expect(await createPractice(db, (await makeUser(db)).id, input("moved-away"))).toMatchObject({ ok: true });
  });

  it("creates the practice, its first clinic and the owner membership together", async () => {
    const user = await makeUser(db);
    const result = await createPractice(db, user.id, input("lakeside"));
    expect(result.ok).toBe(true);
    const tenantId = result.ok ? result.tenant.id : "";
    expect((await db.select().from(clinics).where(eq(clinics.tenantId, tenantId))).map((c) => c.slug)).toEqual(["lakeside-dental-main"]);
    expect(await db.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, user.id))).toEqual([{ role: "owner" }]);
    expect((await db.select().from(auditLog).where(eq(auditLog.tenantId, tenantId))).map((a) => a.action)).toEqual(["practice.created"]);
    expect(await isSlugAvailable(db, "lakeside")).toBe(false);
  });

  it("lets one of two simultaneous sign-ups take a subdomain and tells the other, leaving nothing behind", async () => {
    const [a, b] = await Promise.all([makeUser(db), makeUser(db)]);
    const results = await Promise.all([createPractice(db, a.id, input("contested")), createPractice(db, b.id, input("contested"))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ field: "slug", message: "That web address is taken. Please choose another." });
    expect(await db.select().from(tenants).where(eq(tenants.slug, "contested"))).toHaveLength(1);
    const loser = results[0]!.ok ? b : a;
    expect(await db.select().from(memberships).where(eq(memberships.userId, loser.id))).toEqual([]);
  });

  it("validates every field with a message a front desk understands", () => {
    const result = newPracticeSchema.safeParse({ name: "", slug: "api", timeZone: "Mars/Base", phone: "12", clinicName: "", clinicAddress: "", clinicPhone: "" });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(fields).toMatchObject({
      name: "Enter your practice's name.",
      slug: "That name is reserved. Please choose another.",
      timeZone: "Choose a time zone from the list.",
      phone: "Enter a phone number with area code, like (555) 010-2030.",
    });
  });

  it("makes URL-safe clinic slugs from any name", () => {
    expect(clinicSlug("Sonrisas Peñalolén  #2")).toBe("sonrisas-penalolen-2");
    expect(clinicSlug("***")).toBe("main");
  });
});
