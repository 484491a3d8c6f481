// GET /dashboard/messages/batches/<id>/progress — the signed-in practice's batch: queued / sent / failed counts (JSON).
import { z } from "zod";
import { getDb } from "@/db/client";
import { checkMemberAccess } from "@/lib/auth/access";
import { readSessionRequest } from "@/lib/auth/session-request";
import { batchProgress, loadBatch } from "@/lib/message-to-pay/batch-progress";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const db = await getDb();
  const access = await checkMemberAccess(db, await readSessionRequest());
  if (!access.ok) return Response.json({ error: { code: "unauthenticated" } }, { status: 401 });
  const id = z.uuid().safeParse((await params).id);
  if (!id.success || !(await loadBatch(db, access.ctx.tenant.id, id.data))) return Response.json({ error: { code: "not_found" } }, { status: 404 });
  return Response.json(await batchProgress(db, access.ctx.tenant.id, id.data), { headers: { "Cache-Control": "private, no-store" } });
}
