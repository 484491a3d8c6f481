// GET /support/keys/export?status=…&q=… — registration keys matching the console's filters as CSV (support only).
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { checkSupportAccess } from "@/lib/auth/access";
import { readSessionRequest } from "@/lib/auth/session-request";
import { keyListQuerySchema } from "@/lib/registration-keys/key-schemas";
import { allKeys } from "@/lib/registration-keys/list-keys";
import { keysToCsv } from "@/lib/registration-keys/keys-csv";

export async function GET(request: Request) {
  const db = await getDb();
  const access = await checkSupportAccess(db, await readSessionRequest());
  // The same 404 as any unknown URL: the console does not admit it exists.
  if (!access.ok) notFound();
  const query = keyListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const csv = keysToCsv(await allKeys(db, query));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="registration-keys-${day}.csv"`, "Cache-Control": "private, no-store" },
  });
}
