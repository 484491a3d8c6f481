// GET /dashboard/processor/refresh — where Stripe sends the owner when an onboarding link expired.
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireMemberForChange } from "@/lib/auth/guards";
import { startProcessorOnboarding } from "@/lib/payments";
import { requestIp } from "@/lib/platform/request-ip";

// Stripe sends the owner here when an onboarding link has expired: make a fresh one for the same account.
export async function GET() {
  const { user, tenant } = await requireMemberForChange({ role: "owner", returnTo: "/dashboard/processor" });
  const result = await startProcessorOnboarding(await getDb(), { tenantId: tenant.id, actorUserId: user.id, ip: await requestIp() }, "stripe");
  redirect(result.ok && result.next === "redirect" ? result.url : "/dashboard/processor");
}
