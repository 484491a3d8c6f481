import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { getDb } from "@/db/client";
import { loadPortalTenant } from "./portal-tenant";

/** Cache tag for everything patient pages show about one practice; revalidate it on any change. */
export function portalTenantTag(slug: string): string {
  return `portal-tenant:${slug}`;
}

/**
 * The practice behind a patient host, cached per slug. Patient landing pages are the hottest
 * pages we serve, and they are the same for every visitor. The short revalidate bounds how long
 * another instance may show stale state; changes on this instance revalidate the tag at once.
 */
export const getPortalTenant = cache((slug: string) =>
  // React's cache(): the layout, the page and generateMetadata of one request share one lookup.
  unstable_cache(async () => loadPortalTenant(await getDb(), slug), ["portal-tenant", slug], {
    tags: [portalTenantTag(slug)],
    revalidate: 30,
  })(),
);
