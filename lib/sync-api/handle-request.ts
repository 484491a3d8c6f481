import { getDb, type Database } from "@/db/client";
import { env } from "@/lib/env";
import { parseHost } from "@/lib/tenancy/parse-host";
import { authenticateApiKey, type ApiCaller } from "./authenticate";
import { problem } from "./problem";
import { consumeApiRequest } from "./rate-limit";

export interface ApiContext {
  db: Database;
  caller: ApiCaller;
  req: Request;
}

type RouteContext<P> = { params: Promise<P> };

/** True when the request came to the site's root host: practices' portal hosts never expose the API. */
export function isRootHostRequest(req: Request): boolean {
  return parseHost(req.headers.get("host"), env().ROOT_DOMAIN).kind === "root";
}

/**
 * Wraps a sync API handler: root host only (404 elsewhere), then the API key (401/403), then the key's
 * rate limit (429 with Retry-After). `fn` runs with the key's practice and nothing else.
 */
export function apiRoute<P = Record<string, never>>(fn: (ctx: ApiContext, params: P) => Promise<Response>) {
  return async (req: Request, route: RouteContext<P>): Promise<Response> => {
    if (!isRootHostRequest(req)) return problem("not_found", "There is no API on this host.");
    const db = await getDb();
    const auth = await authenticateApiKey(db, req);
    if (!auth.ok) return auth.response;
    const limit = await consumeApiRequest(db, auth.caller.keyId);
    if (!limit.allowed) {
      return problem("rate_limited", `Too many requests with this key. Try again in ${limit.retryAfterSeconds} s.`, { headers: { "retry-after": String(limit.retryAfterSeconds) } });
    }
    try {
      return await fn({ db, caller: auth.caller, req }, await route.params);
    } catch (err) {
      // Never log bodies, ids or database messages: they can carry patients' names, birthdates and external ids.
      const resource = new URL(req.url).pathname.split("/").slice(0, 4).join("/");
      const code = (err as { code?: unknown }).code;
      console.error(`[sync-api] ${req.method} ${resource} failed: ${(err as Error).name}${typeof code === "string" ? ` (${code})` : ""}`);
      return problem("internal_error", "Something went wrong on our side; nothing was changed. Try again.");
    }
  };
}
