// GET /dashboard/messages/batches/<id>/export — every message of the signed-in practice's batch as CSV.
import { z } from "zod";
import { getDb } from "@/db/client";
import { checkMemberAccess } from "@/lib/auth/access";
import { readSessionRequest } from "@/lib/auth/session-request";
import { batchMessages, batchMessagesToCsv, loadBatch } from "@/lib/message-to-pay/batch-progress";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const db = await getDb();
  const access = await checkMemberAccess(db, await readSessionRequest());
  if (!access.ok) return Response.json({ error: { code: "unauthenticated" } }, { status: 401 });
  const { tenant } = access.ctx;
  const id = z.uuid().safeParse((await params).id);
  const batch = id.success ? await loadBatch(db, tenant.id, id.data) : undefined;
  if (!batch) return Response.json({ error: { code: "not_found" } }, { status: 404 });
  const csv = batchMessagesToCsv(await batchMessages(db, tenant.id, batch.id));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${tenant.slug}-batch-${batch.createdAt.toISOString().slice(0, 10)}-${batch.id.slice(0, 8)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
