import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { patients } from "@/db/schema";
import { nameKey } from "./name-key";
import type { PatientRecord } from "./patient-record";

export interface ResolvedPatient extends Omit<PatientRecord, "clinic"> {
  clinicId: string | null;
}

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
}

const CHUNK = 500;

/**
 * Inserts or updates patients by (practice, external id). A row whose data is identical is not
 * touched at all, so sending the same data twice changes nothing (not even updated_at).
 */
export async function upsertPatients(db: Executor, tenantId: string, records: ResolvedPatient[], asOf = new Date()): Promise<UpsertCounts> {
  const counts: UpsertCounts = { created: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < records.length; i += CHUNK) {
    const chunk = records.slice(i, i + CHUNK).map((r) => ({
      tenantId,
      externalId: r.externalId,
      clinicId: r.clinicId,
      firstName: r.firstName,
      lastName: r.lastName,
      preferredName: r.preferredName ?? null,
      firstNameKey: nameKey(r.firstName),
      lastNameKey: nameKey(r.lastName),
      birthdate: r.birthdate,
      email: r.email ?? null,
      phone: r.phone ?? null,
      balanceCents: r.balanceCents,
      balanceAsOf: asOf,
      statementDate: r.statementDate ?? null,
      active: true,
    }));
    const changed = sql`(${patients.clinicId}, ${patients.firstName}, ${patients.lastName}, ${patients.preferredName}, ${patients.birthdate},
      ${patients.email}, ${patients.phone}, ${patients.balanceCents}, ${patients.statementDate}, ${patients.active})
      IS DISTINCT FROM (excluded.clinic_id, excluded.first_name, excluded.last_name, excluded.preferred_name, excluded.birthdate,
      excluded.email, excluded.phone, excluded.balance_cents, excluded.statement_date, excluded.active)`;
    const rows = await db
      .insert(patients)
      .values(chunk)
      .onConflictDoUpdate({
        target: [patients.tenantId, patients.externalId],
        set: {
          clinicId: sql`excluded.clinic_id`,
          firstName: sql`excluded.first_name`,
          lastName: sql`excluded.last_name`,
          preferredName: sql`excluded.preferred_name`,
          firstNameKey: sql`excluded.first_name_key`,
          lastNameKey: sql`excluded.last_name_key`,
          birthdate: sql`excluded.birthdate`,
          email: sql`excluded.email`,
          phone: sql`excluded.phone`,
          balanceCents: sql`excluded.balance_cents`,
          balanceAsOf: sql`excluded.balance_as_of`,
          statementDate: sql`excluded.statement_date`,
          active: sql`excluded.active`,
          updatedAt: sql`now()`,
        },
        setWhere: changed,
      })
      // xmax = 0 only on a freshly inserted row version.
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    const created = rows.filter((r) => r.inserted === true || String(r.inserted) === "true").length;
    counts.created += created;
    counts.updated += rows.length - created;
    counts.unchanged += chunk.length - rows.length;
  }
  return counts;
}
