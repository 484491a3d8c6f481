import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { clinics, memberships, tenants, type Tenant } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { NewPracticeInput } from "./practice-schemas";
import { isReservedSubdomain } from "./slug";
import { findSlugRedirect } from "./slug-redirects";
import { slugify } from "./slugify";

export const SLUG_TAKEN_MESSAGE = "That web address is taken. Please choose another.";

/** True when nobody holds the subdomain, it isn't reserved, and no practice's old address still redirects from it. A hint only: createPractice decides. */
export async function isSlugAvailable(db: Database, slug: string): Promise<boolean> {
  if (isReservedSubdomain(slug)) return false;
  const rows = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug)).limit(1);
  return rows.length === 0 && !(await findSlugRedirect(db, slug));
}

/** Turns a clinic name into its URL part: "Bright Smiles Downtown" → "bright-smiles-downtown". */
export function clinicSlug(name: string): string {
  return slugify(name) || "main";
}

export type CreatePracticeResult = { ok: true; tenant: Tenant } | { ok: false; field: "slug"; message: string };

/**
 * Creates a practice with its first clinic and makes the user its owner, all or nothing.
 * The unique index on tenants.slug decides races: the loser gets a message, never a duplicate.
 */
export async function createPractice(db: Database, userId: string, input: NewPracticeInput, ip?: string): Promise<CreatePracticeResult> {
  if (isReservedSubdomain(input.slug)) return { ok: false, field: "slug", message: SLUG_TAKEN_MESSAGE };
  // A moved practice's old address keeps redirecting its patients for 30 days; nobody may take it meanwhile.
  if (await findSlugRedirect(db, input.slug)) return { ok: false, field: "slug", message: SLUG_TAKEN_MESSAGE };
  try {
    const tenant = await db.transaction(async (tx) => {
      const [tenant] = await tx
        .insert(tenants)
        .values({ slug: input.slug, name: input.name, timeZone: input.timeZone, phone: input.phone })
        .returning();
      await tx.insert(clinics).values({
        tenantId: tenant!.id,
        slug: clinicSlug(input.clinicName),
        name: input.clinicName,
        address: input.clinicAddress,
        phone: input.clinicPhone,
      });
      await tx.insert(memberships).values({ tenantId: tenant!.id, userId, role: "owner" });
      await recordAudit(tx, { tenantId: tenant!.id, actorUserId: userId, action: "practice.created", after: { slug: input.slug, name: input.name }, ip });
      return tenant!;
    });
    return { ok: true, tenant };
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, field: "slug", message: SLUG_TAKEN_MESSAGE };
    throw err;
  }
}
