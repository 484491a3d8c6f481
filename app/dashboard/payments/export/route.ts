// GET /dashboard/payments/export?… — the signed-in practice's payments (same filters as the list) as CSV.
import { getDb } from "@/db/client";
import { checkMemberAccess } from "@/lib/auth/access";
import { readSessionRequest } from "@/lib/auth/session-request";
import { allPayments, paymentFiltersSchema } from "@/lib/payments/list-payments";
import { paymentsToCsv } from "@/lib/payments/payments-csv";

export async function GET(request: Request) {
  const db = await getDb();
  const access = await checkMemberAccess(db, await readSessionRequest());
  if (!access.ok) return Response.json({ error: { code: "unauthenticated" } }, { status: 401 });
  const { tenant } = access.ctx;
  const filters = paymentFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const csv = paymentsToCsv(await allPayments(db, tenant.id, tenant.timeZone, filters));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${tenant.slug}-payments-${day}.csv"`, "Cache-Control": "private, no-store" },
  });
}
