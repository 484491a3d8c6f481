// GET /support/audit/export?… — audit entries matching the console's filters as CSV (support only).
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { checkSupportAccess } from "@/lib/auth/access";
import { readSessionRequest } from "@/lib/auth/session-request";
import { auditToCsv } from "@/lib/audit/audit-csv";
import { auditQuerySchema } from "@/lib/audit/audit-query";
import { allAudit } from "@/lib/audit/list-audit";

export async function GET(request: Request) {
  const db = await getDb();
  const access = await checkSupportAccess(db, await readSessionRequest());
  // The same 404 as any unknown URL: the console does not admit it exists.
  if (!access.ok) notFound();
  const query = auditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const csv = auditToCsv(await allAudit(db, query));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="audit-${day}.csv"`, "Cache-Control": "private, no-store" },
  });
}
