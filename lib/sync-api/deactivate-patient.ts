import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { patients } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { findApiPatient } from "./patient-view";

/**
 * Deactivates one of the practice's patients (they can no longer pay on the portal; payments and history stay).
 * Idempotent: an already inactive patient is not written again. Null for an unknown or other practice's patient.
 */
export async function deactivatePatient(db: Database, tenantId: string, externalId: string) {
  return db.transaction(async (tx) => {
    const [changed] = await tx
      .update(patients)
      .set({ active: false })
      .where(and(eq(patients.tenantId, tenantId), eq(patients.externalId, externalId), eq(patients.active, true)))
      .returning({ id: patients.id });
    if (changed) await recordAudit(tx, { tenantId, actorUserId: null, actorKind: "api", action: "patient.deactivated", after: { patientId: changed.id } });
    return findApiPatient(tx, tenantId, externalId);
  });
}
