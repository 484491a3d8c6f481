import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { clinics, patients, tenants } from "@/db/schema";
import { DEMO, seedDemo } from "@/db/seed";
import { importPatientsCsv } from "@/lib/patients/import-patients";
import { listPatients } from "@/lib/patients/list-patients";
import { loadPatientDetail } from "@/lib/patients/patient-detail";
import { loadCollectionStats } from "@/lib/payments/collection-stats";
import { loadSetupState } from "@/lib/tenancy/setup-state";
import { makePractice } from "../../support/factories";

// Every dashboard read takes the tenant from the member's session; these feed it another
// practice's ids and expect nothing back and nothing changed.
let db: Database;
let demoTenantId: string;
let demoPatientId: string;
beforeAll(async () => {
  db = await getDb();
  await seedDemo(db);
  const [t] = await db.select().from(tenants).where(eq(tenants.slug, DEMO.slug));
  demoTenantId = t!.id;
  const [p] = await db.select().from(patients).where(eq(patients.tenantId, demoTenantId)).limit(1);
  demoPatientId = p!.id;
});

describe("another practice's ids", () => {
  it("don't open a patient's detail", async () => {
    const other = await makePractice(db);
    expect(await loadPatientDetail(db, other.tenant.id, demoPatientId)).toBeNull();
    expect((await loadPatientDetail(db, demoTenantId, demoPatientId))?.patient.id).toBe(demoPatientId);
  });

  it("don't show up in a patient search or clinic filter", async () => {
    const other = await makePractice(db);
    const [demoClinic] = await db.select().from(clinics).where(eq(clinics.tenantId, demoTenantId)).limit(1);
    expect((await listPatients(db, other.tenant.id, { q: "Garcia" })).total).toBe(0);
    expect((await listPatients(db, other.tenant.id, { clinicId: demoClinic!.id })).total).toBe(0);
    expect((await listPatients(db, demoTenantId, { q: "Garcia" })).total).toBeGreaterThan(0);
  });

  it("can't import into another practice's clinic or patients", async () => {
    const other = await makePractice(db);
    const [demoPatient] = await db.select().from(patients).where(eq(patients.id, demoPatientId));
    const csv = `id,first,last,dob,balance,clinic\n${demoPatient!.externalId},Eve,Intruder,1990-01-01,1.00,downtown\n`;
    const report = await importPatientsCsv(db, other.tenant.id, csv, other.owner.id);
    expect(report.created).toBe(0);
    expect(report.problems[0]?.message).toContain('There is no clinic called "downtown"');
    const [after] = await db.select().from(patients).where(eq(patients.id, demoPatientId));
    expect(after?.firstName).toBe(demoPatient!.firstName);
  });

  it("don't leak setup state or money figures", async () => {
    const other = await makePractice(db);
    const state = await loadSetupState(db, other.tenant.id);
    expect(state.key.state).toBe("missing");
    expect(state.processor.state).toBe("missing");
    const stats = await loadCollectionStats(db, other.tenant.id, "America/Chicago");
    expect(stats.totalCents).toBe(0);
    expect(stats.perDay).toHaveLength(30);
  });
});
