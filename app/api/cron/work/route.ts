import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { runAllOnce } from "@/lib/jobs/run-workers";
import { timingSafeEqualText } from "@/lib/security/timing-safe";

export const dynamic = "force-dynamic";

// Vercel Cron calls this with `Authorization: Bearer $CRON_SECRET`; without a configured secret nobody can.
export async function GET(request: Request) {
  const secret = env().CRON_SECRET;
  const header = request.headers.get("authorization") ?? "";
  if (!secret || !timingSafeEqualText(header, `Bearer ${secret}`)) {
    return Response.json({ error: { code: "unauthorized", message: "Missing or wrong cron secret." } }, { status: 401 });
  }
  const reports = await runAllOnce(await getDb());
  return Response.json({ ok: reports.every((r) => !r.error), workers: reports });
}
