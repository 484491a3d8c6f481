import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { clinics, patients } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { patientRecordSchema } from "@/lib/patients/patient-record";
import { clinicResolver } from "@/lib/patients/resolve-clinic";
import { upsertPatients, type ResolvedPatient } from "@/lib/patients/upsert-patients";
import type { ProblemItem } from "./problem";
import { putPatientsBody, type putPatientsResponse } from "./schemas";
import { issuesToProblems, jsonPointer } from "./validation-errors";

type PushResult = { ok: true; result: z.output<typeof putPatientsResponse> } | { ok: false; errors: ProblemItem[] };

/**
 * Upserts a PUT /api/v1/patients body into one practice, all or nothing: any invalid item → every problem
 * listed and nothing written. Identical data is left untouched (reported `unchanged`, updated_at kept).
 */
export async function pushPatients(db: Database, tenantId: string, body: unknown, now = new Date()): Promise<PushResult> {
  const parsed = putPatientsBody.safeParse(body);
  if (!parsed.success) return { ok: false, errors: issuesToProblems(parsed.error) };

  const clinicList = await db.select({ id: clinics.id, name: clinics.name, slug: clinics.slug }).from(clinics).where(eq(clinics.tenantId, tenantId));
  const resolveClinic = clinicResolver(clinicList);

  const errors: ProblemItem[] = [];
  const records: { record: ResolvedPatient; asOf: Date }[] = [];
  const seen = new Map<string, number>();
  parsed.data.patients.forEach((item, index) => {
    const base = ["patients", index];
    // The CSV import's rules (trimming, phone to E.164, birthdate range) so both doors accept the same patients.
    const result = patientRecordSchema.safeParse({ ...item, balanceAsOf: undefined });
    if (!result.success) {
      errors.push(...issuesToProblems(result.error, base));
      return;
    }
    const { clinic, ...record } = result.data;
    const placed = resolveClinic(clinic);
    if (!placed.ok) {
      errors.push({ pointer: jsonPointer([...base, "clinic"]), code: "unknown_clinic", message: `No clinic "${clinic}". Use one of: ${clinicList.map((c) => c.slug).join(", ")}.` });
      return;
    }
    const clinicId = placed.clinicId;
    const first = seen.get(record.externalId);
    if (first !== undefined) {
      errors.push({ pointer: jsonPointer([...base, "externalId"]), code: "duplicate", message: `externalId ${record.externalId} already appears at /patients/${first}.` });
      return;
    }
    seen.set(record.externalId, index);
    records.push({ record: { ...record, clinicId }, asOf: item.balanceAsOf ? new Date(item.balanceAsOf) : now });
  });
  if (errors.length > 0) return { ok: false, errors };

  const externalIds = records.map((r) => r.record.externalId);
  const status = await db.transaction(async (tx) => {
    // upsertPatients takes one as-of time per call; a sync usually sends one for the whole batch.
    const groups = new Map<number, ResolvedPatient[]>();
    for (const { record, asOf } of records) groups.set(asOf.getTime(), [...(groups.get(asOf.getTime()) ?? []), record]);
    for (const [asOf, group] of groups) await upsertPatients(tx, tenantId, group, new Date(asOf));
    // now() is the transaction's start: rows created or changed by this upsert carry exactly that time.
    const rows = await tx
      .select({ externalId: patients.externalId, created: sql<boolean>`${patients.createdAt} = now()`, touched: sql<boolean>`${patients.updatedAt} = now()` })
      .from(patients)
      .where(and(eq(patients.tenantId, tenantId), inArray(patients.externalId, externalIds)));
    const byId = new Map(rows.map((r) => [r.externalId, isTrue(r.created) ? "created" : isTrue(r.touched) ? "updated" : "unchanged"] as const));
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const s of byId.values()) counts[s] += 1;
    if (counts.created + counts.updated > 0) {
      await recordAudit(tx, { tenantId, actorUserId: null, actorKind: "api", action: "patients.synced", after: counts });
    }
    return byId;
  });

  const results = externalIds.map((externalId, index) => ({ index, externalId, status: status.get(externalId) ?? ("unchanged" as const) }));
  return {
    ok: true,
    result: {
      created: results.filter((r) => r.status === "created").length,
      updated: results.filter((r) => r.status === "updated").length,
      unchanged: results.filter((r) => r.status === "unchanged").length,
      results,
    },
  };
}

// Drivers disagree on booleans from raw SQL expressions (true vs "t").
function isTrue(v: unknown): boolean {
  return v === true || v === "t" || v === "true";
}
