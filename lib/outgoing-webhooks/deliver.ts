import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { webhookDeliveries, webhookEndpoints, type WebhookDelivery } from "@/db/schema";
import { queryRows } from "@/db/query-rows";
import { env } from "@/lib/env";
import { assertPublicHost } from "./endpoint-url";
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, signWebhook } from "./signature";

/** Deliveries are retried until this long after they were created, then marked failed. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;
export const REQUEST_TIMEOUT_MS = 10_000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60 * 1000;
/** A claimed delivery is left alone by other workers this long (longer than one request can take). */
const LEASE_MS = 60_000;
const BATCH = 20;

/** Wait before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min… capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/** Claims up to BATCH due deliveries for this worker (FOR UPDATE SKIP LOCKED + a lease), so no two workers send one at once. */
async function claimDue(db: Database, now: Date, onlyId?: string): Promise<string[]> {
  const nowIso = now.toISOString();
  const leaseIso = new Date(now.getTime() + LEASE_MS).toISOString();
  const filter = onlyId ? sql`AND id = ${onlyId}` : sql``;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE webhook_deliveries SET locked_until = ${leaseIso}::timestamptz
        WHERE id IN (
          SELECT id FROM webhook_deliveries
          WHERE status = 'pending' AND next_attempt_at <= ${nowIso}::timestamptz
            AND (locked_until IS NULL OR locked_until <= ${nowIso}::timestamptz) ${filter}
          ORDER BY next_attempt_at LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED)
        RETURNING id`,
  );
  return rows.map((r) => r.id);
}

type Attempt = { ok: true; status: number } | { ok: false; status: number | null; error: string };

async function send(url: string, secret: string, delivery: WebhookDelivery, now: Date): Promise<Attempt> {
  const body = JSON.stringify(delivery.payload);
  try {
    await assertPublicHost(url, env().NODE_ENV === "production");
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Chairside-Webhooks/1.0",
        [SIGNATURE_HEADER]: signWebhook(secret, body, Math.floor(now.getTime() / 1000)),
        [EVENT_ID_HEADER]: delivery.eventId,
        [EVENT_TYPE_HEADER]: delivery.eventType,
      },
      body,
      // A redirect could lead anywhere (including our own network): it counts as a failure.
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await res.body?.cancel().catch(() => {});
    return res.status >= 200 && res.status < 300 ? { ok: true, status: res.status } : { ok: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (err) {
    const e = err as Error;
    return { ok: false, status: null, error: e.name === "TimeoutError" ? `No answer within ${REQUEST_TIMEOUT_MS / 1000} s` : `${e.message}`.slice(0, 300) };
  }
}

/** What happens after an attempt: delivered, retried later with backoff, or given up 24 h after the event was created. */
export function nextState(delivery: Pick<WebhookDelivery, "attempts" | "createdAt">, attempt: Attempt, now: Date) {
  const attempts = delivery.attempts + 1;
  const base = { attempts, lastStatusCode: attempt.status, lockedUntil: null };
  if (attempt.ok) return { ...base, status: "succeeded" as const, deliveredAt: now, lastError: null };
  const deadline = delivery.createdAt.getTime() + GIVE_UP_AFTER_MS;
  if (now.getTime() >= deadline) return { ...base, status: "failed" as const, lastError: attempt.error };
  return { ...base, status: "pending" as const, lastError: attempt.error, nextAttemptAt: new Date(Math.min(now.getTime() + retryDelayMs(attempts), deadline)) };
}

/** Sends every due delivery (or just `onlyId`) once, recording the outcome; returns how many were attempted. */
export async function deliverDue(db: Database, now = new Date(), onlyId?: string): Promise<number> {
  const ids = await claimDue(db, now, onlyId);
  if (ids.length === 0) return 0;
  const rows = await db
    .select({ delivery: webhookDeliveries, url: webhookEndpoints.url, secret: webhookEndpoints.secret, disabledAt: webhookEndpoints.disabledAt })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(inArray(webhookDeliveries.id, ids));
  await Promise.all(
    rows.map(async ({ delivery, url, secret, disabledAt }) => {
      const update = disabledAt
        ? { status: "failed" as const, lastError: "Endpoint removed.", lockedUntil: null }
        : nextState(delivery, await send(url, secret, delivery, now), now);
      await db
        .update(webhookDeliveries)
        .set(update)
        .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, "pending")));
    }),
  );
  return rows.length;
}
