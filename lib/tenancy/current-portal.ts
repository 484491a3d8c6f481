import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { getPortalTenant } from "./get-portal-tenant";
import { parseHost } from "./parse-host";
import { portalAvailability, type PortalTenant } from "./portal-tenant";

/**
 * The practice whose patient host this request came to, if its portal is open. Patient server
 * actions use this, never an id from the form: the host is the only tenant a patient can act on.
 */
export async function currentLivePortal(): Promise<PortalTenant | null> {
  const target = parseHost((await headers()).get("host"), env().ROOT_DOMAIN);
  if (target.kind !== "tenant") return null;
  const tenant = await getPortalTenant(target.slug);
  return tenant && portalAvailability(tenant) === "live" ? tenant : null;
}
