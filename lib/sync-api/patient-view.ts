import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { clinics, patients, type Patient } from "@/db/schema";
import type { apiPatient } from "./schemas";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toApiPatient(p: Patient, clinicSlug: string | null): z.output<typeof apiPatient> {
  return {
    externalId: p.externalId,
    firstName: p.firstName,
    lastName: p.lastName,
    preferredName: p.preferredName,
    birthdate: p.birthdate,
    email: p.email,
    phone: p.phone,
    clinic: clinicSlug,
    balanceCents: p.balanceCents,
    balanceAsOf: iso(p.balanceAsOf),
    statementDate: p.statementDate,
    active: p.active,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** One patient of the practice by external id, active or not, as the API shows it; null for any other practice's. */
export async function findApiPatient(db: Executor, tenantId: string, externalId: string) {
  const [row] = await db
    .select({ patient: patients, clinicSlug: clinics.slug })
    .from(patients)
    .leftJoin(clinics, eq(clinics.id, patients.clinicId))
    .where(and(eq(patients.tenantId, tenantId), eq(patients.externalId, externalId)));
  return row ? toApiPatient(row.patient, row.clinicSlug) : null;
}
