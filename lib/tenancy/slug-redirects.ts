import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { tenantSlugRedirects, tenants } from "@/db/schema";

/** Days an old subdomain keeps redirecting to the practice's new one. */
export const SLUG_REDIRECT_DAYS = 30;

/** The current subdomain of the practice that gave up `oldSlug`, while its redirect lasts; null otherwise. */
export async function findSlugRedirect(db: Executor, oldSlug: string, now = new Date()): Promise<{ slug: string; expiresAt: Date } | null> {
  const [row] = await db
    .select({ slug: tenants.slug, expiresAt: tenantSlugRedirects.expiresAt })
    .from(tenantSlugRedirects)
    .innerJoin(tenants, eq(tenants.id, tenantSlugRedirects.tenantId))
    .where(and(eq(tenantSlugRedirects.oldSlug, oldSlug), gt(tenantSlugRedirects.expiresAt, now)))
    .limit(1);
  return row ?? null;
}
