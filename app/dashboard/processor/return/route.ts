// GET /dashboard/processor/return — where Stripe sends the owner after onboarding.
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireMemberForChange } from "@/lib/auth/guards";
import { refreshProcessorStatus } from "@/lib/payments";
import { requestIp } from "@/lib/platform/request-ip";
import { revalidatePortal } from "@/lib/tenancy/revalidate-portal";

// We ask Stripe for the account's status at once
// (the account.updated webhook may not have arrived yet) and show the processor page.
export async function GET() {
  const { user, tenant } = await requireMemberForChange({ role: "owner", returnTo: "/dashboard/processor" });
  const result = await refreshProcessorStatus(await getDb(), { tenantId: tenant.id, actorUserId: user.id, ip: await requestIp() });
  if (result.ok && result.portalChanged) revalidatePortal(tenant.slug);
  redirect("/dashboard/processor");
}
