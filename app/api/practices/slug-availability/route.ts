// GET /api/practices/slug-availability?slug=… — live check while a signed-in user picks a web address.
import { getDb } from "@/db/client";
import { currentUser } from "@/lib/auth/guards";
import { consumeRateLimit } from "@/lib/rate-limit/consume";
import { checkSlug } from "@/lib/tenancy/slug-availability";

export async function GET(request: Request) {
  const user = await currentUser();
  if (!user) return Response.json({ error: { code: "unauthenticated" } }, { status: 401 });
  const db = await getDb();
  const limit = await consumeRateLimit(db, { key: `slug-check:user:${user.id}`, limit: 120, windowSeconds: 60 });
  if (!limit.allowed) return Response.json({ error: { code: "rate_limited" } }, { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
  const slug = new URL(request.url).searchParams.get("slug") ?? "";
  return Response.json(await checkSlug(db, slug.slice(0, 100)), { headers: { "Cache-Control": "no-store" } });
}
