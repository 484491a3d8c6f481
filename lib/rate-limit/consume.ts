import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { queryRows } from "@/db/query-rows";

export interface RateLimitRule {
  /** What is being limited, e.g. `key-claim:user:<id>`. Never put names, birthdates or contacts here. */
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Counts one attempt against a fixed window stored in Postgres, so the limit holds across every
 * app instance. One atomic upsert: concurrent attempts can never both see a stale count.
 */
export async function consumeRateLimit(db: Executor, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  const windowStart = new Date(now.getTime() - rule.windowSeconds * 1000).toISOString();
  const nowIso = now.toISOString();
  const [row] = await queryRows<{ count: number; window_started_at: string | Date }>(
    db,
    sql`
    INSERT INTO rate_limit_buckets AS b (key, count, window_started_at)
    VALUES (${rule.key}, 1, ${nowIso}::timestamptz)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN b.window_started_at <= ${windowStart}::timestamptz THEN 1 ELSE b.count + 1 END,
      window_started_at = CASE WHEN b.window_started_at <= ${windowStart}::timestamptz THEN ${nowIso}::timestamptz ELSE b.window_started_at END
    RETURNING count, window_started_at`,
  );
  const started = new Date(row!.window_started_at).getTime();
  const retryAfterSeconds = Math.max(1, Math.ceil((started + rule.windowSeconds * 1000 - now.getTime()) / 1000));
  return Number(row!.count) <= rule.limit ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds };
}

/** True when the rule's current window is already full, without counting an attempt. */
export async function isRateLimited(db: Executor, rule: RateLimitRule, now = new Date()): Promise<boolean> {
  const windowStart = new Date(now.getTime() - rule.windowSeconds * 1000).toISOString();
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`SELECT count FROM rate_limit_buckets WHERE key = ${rule.key} AND window_started_at > ${windowStart}::timestamptz`,
  );
  return row !== undefined && Number(row.count) >= rule.limit;
}

/** Counts an attempt against every rule; refused if any is over, with the longest wait. */
export async function consumeRateLimits(db: Executor, rules: RateLimitRule[], now = new Date()): Promise<RateLimitResult> {
  let refused: RateLimitResult = { allowed: true, retryAfterSeconds: 0 };
  for (const rule of rules) {
    const r = await consumeRateLimit(db, rule, now);
    if (!r.allowed && r.retryAfterSeconds > refused.retryAfterSeconds) refused = r;
  }
  return refused;
}

/** "Please try again in N minutes." for a refused attempt. */
export function retryMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return minutes <= 1 ? "Too many attempts. Please try again in a minute." : `Too many attempts. Please try again in ${minutes} minutes.`;
}
