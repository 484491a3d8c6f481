import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { patients, type Patient } from "@/db/schema";
import type { Identity } from "./identity-schema";
import { nameKey } from "./name-key";

/**
 * The active patient of this practice with these names and birthdate; accents, case and
 * punctuation in names don't matter. If the practice has duplicates, the most recently updated wins.
 */
export async function findPatientByIdentity(db: Executor, tenantId: string, identity: Pick<Identity, "firstName" | "lastName" | "birthdate">): Promise<Patient | null> {
  const [row] = await db
    .select()
    .from(patients)
    .where(
      and(
        eq(patients.tenantId, tenantId),
        eq(patients.lastNameKey, nameKey(identity.lastName)),
        eq(patients.firstNameKey, nameKey(identity.firstName)),
        eq(patients.birthdate, identity.birthdate),
        eq(patients.active, true),
      ),
    )
    .orderBy(desc(patients.updatedAt))
    .limit(1);
  return row ?? null;
}
