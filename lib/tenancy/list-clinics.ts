import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clinics } from "@/db/schema";

/** This practice's clinics (id and name, by name) for filter menus. */
export function listClinics(db: Executor, tenantId: string): Promise<{ id: string; name: string }[]> {
  return db.select({ id: clinics.id, name: clinics.name }).from(clinics).where(eq(clinics.tenantId, tenantId)).orderBy(asc(clinics.name));
}
