import type { Executor } from "@/db/client";
import { consumeRateLimit, type RateLimitRule } from "@/lib/rate-limit/consume";

/** Requests one key may make per window: generous for a sync (1,000 patients per request) yet a brake on a runaway loop. */
export const RATE_LIMIT = { limit: 600, windowSeconds: 60 } as const;

/** The Postgres-backed rate-limit rule of one API key (shared by every app instance). */
export function apiKeyRateRule(keyId: string): RateLimitRule {
  return { key: `sync-api:key:${keyId}`, ...RATE_LIMIT };
}

/** Counts one request of the key; refused with the seconds to wait when the window is full. */
export function consumeApiRequest(db: Executor, keyId: string, now = new Date()) {
  return consumeRateLimit(db, apiKeyRateRule(keyId), now);
}
