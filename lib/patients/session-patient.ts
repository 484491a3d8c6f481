import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clinics, patients, type PatientSession } from "@/db/schema";

/** The session's patient (scoped to the session's practice) with their clinic's name. */
export async function loadSessionPatient(db: Executor, session: PatientSession) {
  const [row] = await db
    .select({ patient: patients, clinicName: clinics.name })
    .from(patients)
    .leftJoin(clinics, eq(clinics.id, patients.clinicId))
    .where(and(eq(patients.id, session.patientId), eq(patients.tenantId, session.tenantId)));
  return row ?? null;
}
