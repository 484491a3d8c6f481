import "server-only";
import { unstable_cache } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { portalTenantTag } from "./get-portal-tenant";
import { findSlugRedirect } from "./slug-redirects";
import { TENANT_PATH_HEADER } from "./tenant-path-header";
import { tenantUrl } from "./urls";


// Cached under the old slug's portal tag, so changing a subdomain (which revalidates both slugs) takes effect at once,
// and a burst of requests for an unknown host costs one query per 30 seconds.
const cachedRedirect = (slug: string) =>
  unstable_cache(async () => {
    const found = await findSlugRedirect(await getDb(), slug);
    return found ? { slug: found.slug, expiresAt: found.expiresAt.toISOString() } : null;
  }, ["slug-redirect", slug], { tags: [portalTenantTag(slug)], revalidate: 30 })();

/** Where a request to a practice's former subdomain should go (same path, new host) while the redirect lasts; null otherwise. */
export async function slugRedirectTarget(oldSlug: string, now = new Date()): Promise<string | null> {
  const found = await cachedRedirect(oldSlug);
  if (!found || new Date(found.expiresAt) <= now) return null;
  const path = (await headers()).get(TENANT_PATH_HEADER) ?? "/";
  // Only a path on the new host: never let the header steer the redirect elsewhere.
  return tenantUrl(found.slug, path.startsWith("/") && !path.startsWith("//") ? path : "/");
}
