import "server-only";
import { notFound } from "next/navigation";
import { getDb, type Database } from "@/db/client";
import { checkSupportAccess } from "@/lib/auth/access";
import { readSessionRequest } from "@/lib/auth/session-request";

/**
 * A console CSV download named `<name>-<today>.csv`, built only for support staff; anyone else gets the same 404
 * as any unknown URL (the console does not admit it exists).
 */
export async function supportCsvDownload(name: string, build: (db: Database) => Promise<string>): Promise<Response> {
  const db = await getDb();
  const access = await checkSupportAccess(db, await readSessionRequest());
  if (!access.ok) notFound();
  const day = new Date().toISOString().slice(0, 10);
  return new Response(await build(db), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}-${day}.csv"`, "Cache-Control": "private, no-store" },
  });
}
