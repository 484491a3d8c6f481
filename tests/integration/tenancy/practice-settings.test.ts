import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, clinics, tenants } from "@/db/schema";
import { clinicFormSchema, practiceSettingsSchema, saveClinic, updatePracticeSettings } from "@/lib/tenancy/practice-settings";
import { makePractice } from "../../support/factories";

let db: Database;
beforeAll(async () => {
  db = await getDb();
});

describe("practice settings", () => {
  it("saves the details patients see and audits before and after", async () => {
    const { tenant, owner } = await makePractice(db);
    const input = practiceSettingsSchema.parse({ name: "Renamed Dental", phone: "(555) 222-3333", accentColor: "#1D4ED8", maxPayment: "2,500" });
    await updatePracticeSettings(db, tenant.id, input, owner.id);
    const [row] = await db.select().from(tenants).where(eq(tenants.id, tenant.id));
    expect(row).toMatchObject({ name: "Renamed Dental", accentColor: "#1d4ed8", maxPaymentCents: 250_000 });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "practice.settings-changed"));
    expect(audit?.summary).toMatchObject({ before: { name: "Test Dental" }, after: { name: "Renamed Dental" } });
  });

  it("explains an unreadable colour and an out-of-range maximum", () => {
    const r = practiceSettingsSchema.safeParse({ name: "X Dental", phone: "(555) 222-3333", accentColor: "#fef08a", maxPayment: "0.50" });
    expect(Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({
      accentColor: "That colour is too light for white button text. Choose a darker shade.",
      maxPayment: "Enter an amount between $1 and $100,000.",
    });
  });

  it("adds and edits clinics, refuses a duplicate name, and can't touch another practice's clinic", async () => {
    const { tenant, owner } = await makePractice(db);
    const other = await makePractice(db);
    const add = (name: string) => saveClinic(db, tenant.id, clinicFormSchema.parse({ name, address: "2 Side St, Town", phone: "555 444 5555" }), owner.id);
    expect(await add("Westside")).toEqual({ ok: true });
    expect(await add("Westside")).toEqual({ ok: false, field: "name", message: "You already have a clinic with that name." });
    const [theirs] = await db.select().from(clinics).where(eq(clinics.tenantId, other.tenant.id));
    const hijack = await saveClinic(db, tenant.id, clinicFormSchema.parse({ clinicId: theirs!.id, name: "Hijacked", address: "1 Evil St, Town", phone: "555 444 5555" }), owner.id);
    expect(hijack).toEqual({ ok: false, notFound: true });
    const [after] = await db.select().from(clinics).where(eq(clinics.id, theirs!.id));
    expect(after?.name).toBe("Main Office");
  });
});
