import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { clinics } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { parsePatientsCsv, type ImportProblem } from "./import-csv";
import { upsertPatients, type UpsertCounts } from "./upsert-patients";

export interface ImportReport extends UpsertCounts {
  total: number;
  problems: ImportProblem[];
}

/** Imports a practice's patients CSV: every valid row is upserted in one transaction; bad rows are reported, not imported. */
export async function importPatientsCsv(db: Database, tenantId: string, csv: string, actorUserId: string): Promise<ImportReport> {
  const clinicList = await db.select({ id: clinics.id, name: clinics.name, slug: clinics.slug }).from(clinics).where(eq(clinics.tenantId, tenantId));
  const parsed = parsePatientsCsv(csv, clinicList);
  const counts = await db.transaction(async (tx) => {
    const result = await upsertPatients(
      tx,
      tenantId,
      parsed.rows.map((r) => r.record),
    );
    await recordAudit(tx, { tenantId, actorUserId, action: "patients.imported", after: { ...result, rejected: parsed.problems.length } });
    return result;
  });
  return { ...counts, total: parsed.total, problems: parsed.problems };
}
