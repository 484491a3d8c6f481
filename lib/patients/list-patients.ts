import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clinics, patients } from "@/db/schema";
import { nameKey } from "./name-key";

export const PATIENTS_PAGE_SIZE = 25;

export interface PatientListQuery {
  q?: string;
  clinicId?: string;
  page?: number;
}

/** One page of a practice's active patients, searched by name, patient id or phone digits. */
export async function listPatients(db: Executor, tenantId: string, query: PatientListQuery) {
  const where: SQL[] = [eq(patients.tenantId, tenantId), eq(patients.active, true)];
  const q = query.q?.trim() ?? "";
  if (q) {
    const digits = q.replace(/\D/g, "");
    const key = nameKey(q.split(/\s+/).pop() ?? q);
    const matchers: SQL[] = [eq(patients.externalId, q)];
    if (key) matchers.push(ilike(patients.lastNameKey, `${key}%`), ilike(patients.firstNameKey, `${key}%`));
    if (digits.length >= 4) matchers.push(ilike(patients.phone, `%${digits}%`));
    if (q.includes("@")) matchers.push(eq(patients.email, q.toLowerCase()));
    where.push(or(...matchers)!);
  }
  if (query.clinicId) where.push(eq(patients.clinicId, query.clinicId));
  const page = Math.max(1, query.page ?? 1);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: patients.id,
        externalId: patients.externalId,
        firstName: patients.firstName,
        lastName: patients.lastName,
        birthdate: patients.birthdate,
        balanceCents: patients.balanceCents,
        email: patients.email,
        phone: patients.phone,
        clinicName: clinics.name,
      })
      .from(patients)
      .leftJoin(clinics, eq(clinics.id, patients.clinicId))
      .where(and(...where))
      .orderBy(asc(patients.lastNameKey), asc(patients.firstNameKey), asc(patients.id))
      .limit(PATIENTS_PAGE_SIZE)
      .offset((page - 1) * PATIENTS_PAGE_SIZE),
    db.select({ n: count() }).from(patients).where(and(...where)),
  ]);
  return { rows, total: total?.n ?? 0, page, pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / PATIENTS_PAGE_SIZE)) };
}
