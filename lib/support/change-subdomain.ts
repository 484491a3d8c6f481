import { and, eq, gt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { tenantSlugRedirects, tenants } from "@/db/schema";
import { SLUG_TAKEN_MESSAGE } from "@/lib/tenancy/create-practice";
import { isReservedSubdomain } from "@/lib/tenancy/slug";
import { SLUG_REDIRECT_DAYS } from "@/lib/tenancy/slug-redirects";
import { recordSupportAudit, type SupportActor } from "./support-actor";

export type ChangeSubdomainResult = { ok: true; oldSlug: string; newSlug: string } | { ok: false; field?: "slug"; message: string };

/**
 * Moves a practice to a new subdomain (already validated with slugSchema, as at sign-up). Refuses one held by
 * another practice or still redirecting to one; the old subdomain redirects here for SLUG_REDIRECT_DAYS.
 * All in one transaction with its audit entry. The caller revalidates the portal cache of both slugs.
 */
export async function changeSubdomain(db: Database, actor: SupportActor, input: { practiceId: string; slug: string; reason?: string }, now = new Date()): Promise<ChangeSubdomainResult> {
  const slug = input.slug;
  if (isReservedSubdomain(slug)) return { ok: false, field: "slug", message: SLUG_TAKEN_MESSAGE };
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.select().from(tenants).where(eq(tenants.id, input.practiceId)).for("update");
      if (!row) return { ok: false, message: "That practice no longer exists." };
      if (row.slug === slug) return { ok: false, field: "slug", message: "That is already the practice's web address." };
      const [held] = await tx
        .select({ tenantId: tenantSlugRedirects.tenantId })
        .from(tenantSlugRedirects)
        .where(and(eq(tenantSlugRedirects.oldSlug, slug), gt(tenantSlugRedirects.expiresAt, now)));
      if (held && held.tenantId !== row.id) return { ok: false, field: "slug", message: "That web address still redirects to another practice. Please choose another." };
      // Taking back one's own old address (or one whose redirect ran out) ends that redirect.
      await tx.delete(tenantSlugRedirects).where(eq(tenantSlugRedirects.oldSlug, slug));
      await tx.update(tenants).set({ slug, updatedAt: now }).where(eq(tenants.id, row.id));
      const expiresAt = new Date(now.getTime() + SLUG_REDIRECT_DAYS * 86_400_000);
      await tx
        .insert(tenantSlugRedirects)
        .values({ oldSlug: row.slug, tenantId: row.id, expiresAt })
        .onConflictDoUpdate({ target: tenantSlugRedirects.oldSlug, set: { tenantId: row.id, expiresAt, createdAt: now } });
      await recordSupportAudit(tx, actor, { tenantId: row.id, action: "practice.subdomain-changed", before: { slug: row.slug }, after: { slug, redirectUntil: expiresAt.toISOString() }, reason: input.reason });
      return { ok: true, oldSlug: row.slug, newSlug: slug };
    });
  } catch (err) {
    // tenants.slug is unique: another practice holds (or just took) the address.
    if (isUniqueViolation(err)) return { ok: false, field: "slug", message: SLUG_TAKEN_MESSAGE };
    throw err;
  }
}
