import { revalidateTag } from "next/cache";
import { portalTenantTag } from "./get-portal-tenant";

/**
 * Marks the patient portal's cached copy of a practice stale, so it opens or closes for patients.
 * Call it after the database work has committed, from a server action or route handler. Outside
 * the Next server (scripts, tests) there is no cache to expire and it does nothing, rather than
 * letting revalidateTag throw for want of a request.
 */
export function revalidatePortal(slug: string): void {
  if (!process.env.NEXT_RUNTIME) return;
  // expire: 0, not "max": a revoked key or a disconnected processor must close the portal for the very next patient.
  revalidateTag(portalTenantTag(slug), { expire: 0 });
}
