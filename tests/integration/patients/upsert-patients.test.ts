import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { clinics, patients } from "@/db/schema";
import { parsePatientsCsv } from "@/lib/patients/import-csv";
import { upsertPatients } from "@/lib/patients/upsert-patients";
import { makePractice } from "../../support/factories";

let db: Database;
beforeAll(async () => {
  db = await getDb();
});

const CSV = ["PatNum,FName,LName,Birthdate,Email,Balance", "100,Ana,Ruiz,1975-05-06,ana@example.com,45.10", "101,Ben,Cole,1988-12-01,,0", "102,Cleo,Park,1990-01-02,,1200"].join("\n");

describe("upserting patients", () => {
  it("creates new patients, then changes nothing when the same file comes again", async () => {
    const { tenant } = await makePractice(db);
    const clinicList = await db.select().from(clinics).where(eq(clinics.tenantId, tenant.id));
    const first = parsePatientsCsv(CSV, clinicList);
    expect(await upsertPatients(db, tenant.id, first.rows.map((r) => r.record))).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const [before] = await db.select().from(patients).where(and(eq(patients.tenantId, tenant.id), eq(patients.externalId, "100")));
    expect(before?.balanceCents).toBe(4510);
    expect(before?.clinicId).toBe(clinicList[0]!.id);

    const again = parsePatientsCsv(CSV, clinicList);
    expect(await upsertPatients(db, tenant.id, again.rows.map((r) => r.record))).toEqual({ created: 0, updated: 0, unchanged: 3 });
    const [after] = await db.select().from(patients).where(and(eq(patients.tenantId, tenant.id), eq(patients.externalId, "100")));
    expect(after?.updatedAt.getTime()).toBe(before?.updatedAt.getTime());
  });

  it("updates only the rows whose data changed", async () => {
    const { tenant } = await makePractice(db);
    const clinicList = await db.select().from(clinics).where(eq(clinics.tenantId, tenant.id));
    await upsertPatients(db, tenant.id, parsePatientsCsv(CSV, clinicList).rows.map((r) => r.record));
    const changed = CSV.replace("45.10", "12.00");
    expect(await upsertPatients(db, tenant.id, parsePatientsCsv(changed, clinicList).rows.map((r) => r.record))).toEqual({ created: 0, updated: 1, unchanged: 2 });
    const [row] = await db.select().from(patients).where(and(eq(patients.tenantId, tenant.id), eq(patients.externalId, "100")));
    expect(row?.balanceCents).toBe(1200);
  });

  it("keeps each practice's patients apart even with the same external ids", async () => {
    const a = await makePractice(db);
    const b = await makePractice(db);
    const clinicsA = await db.select().from(clinics).where(eq(clinics.tenantId, a.tenant.id));
    const clinicsB = await db.select().from(clinics).where(eq(clinics.tenantId, b.tenant.id));
    await upsertPatients(db, a.tenant.id, parsePatientsCsv(CSV, clinicsA).rows.map((r) => r.record));
    expect(await upsertPatients(db, b.tenant.id, parsePatientsCsv(CSV, clinicsB).rows.map((r) => r.record))).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const rowsA = await db.select().from(patients).where(eq(patients.tenantId, a.tenant.id));
    expect(rowsA).toHaveLength(3);
  });
});
