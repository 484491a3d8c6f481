import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { messages, type Message } from "@/db/schema";
import { backoffDelayMs, MAX_ATTEMPTS } from "./queue-policy";

// How a claimed row leaves 'sending'. Every update names the claim it belongs to, so a worker whose lease ran
// out and was taken over can't overwrite what the new holder decided.

const held = (claimId: string, ids: string[]) => and(eq(messages.claimId, claimId), inArray(messages.id, ids), eq(messages.status, "sending"));

/** Records the provider's ids (null: accepted, id unknown); 'sent' unless a delivery webhook already moved the row further. */
export async function markSent(db: Executor, now: Date, claimId: string, sent: { id: string; providerId: string | null }[]): Promise<void> {
  if (sent.length === 0) return;
  const values = sql.join(
    sent.map((s) => sql`(${s.id}::uuid, ${s.providerId}::text)`),
    sql`, `,
  );
  await db.execute(sql`
    UPDATE messages AS m SET
      provider_message_id = coalesce(v.pid, m.provider_message_id),
      status = CASE WHEN m.status = 'sending' THEN 'sent'::message_status ELSE m.status END,
      sent_at = coalesce(m.sent_at, ${now.toISOString()}::timestamptz),
      locked_until = NULL,
      error = NULL,
      updated_at = ${now.toISOString()}::timestamptz
    FROM (VALUES ${values}) AS v(id, pid)
    WHERE m.id = v.id AND m.claim_id = ${claimId}::uuid`);
}

/** Puts rows back in the queue with exponential backoff, or fails those that used their last attempt. */
export async function retryLater(db: Executor, now: Date, claimId: string, rows: Message[], error: string): Promise<void> {
  const byAttempts = new Map<number, string[]>();
  for (const r of rows) byAttempts.set(r.attempts, [...(byAttempts.get(r.attempts) ?? []), r.id]);
  for (const [attempts, ids] of byAttempts) {
    if (attempts >= MAX_ATTEMPTS) {
      await failMessages(db, now, claimId, ids, `gave up after ${attempts} attempts: ${error}`);
      continue;
    }
    await db
      .update(messages)
      .set({ status: "queued", claimId: null, lockedUntil: null, sentAt: null, nextAttemptAt: new Date(now.getTime() + backoffDelayMs(attempts)), error, updatedAt: now })
      .where(held(claimId, ids));
  }
}

/**
 * The provider gave no answer: it may have accepted the group. Keep the group whole under its claim id and
 * lease it until the retry time, so the retry replays the very same request (same idempotency key).
 */
export async function retrySameGroupLater(db: Executor, now: Date, claimId: string, rows: Message[], error: string): Promise<void> {
  const attempts = Math.max(...rows.map((r) => r.attempts));
  const ids = rows.map((r) => r.id);
  if (attempts >= MAX_ATTEMPTS) return failMessages(db, now, claimId, ids, `gave up after ${attempts} attempts: ${error}`);
  await db
    .update(messages)
    .set({ lockedUntil: new Date(now.getTime() + backoffDelayMs(attempts)), error, updatedAt: now })
    .where(held(claimId, ids));
}

/** Marks rows failed for good, with the reason staff will see. */
export async function failMessages(db: Executor, now: Date, claimId: string, ids: string[], error: string): Promise<void> {
  if (ids.length === 0) return;
  await db.update(messages).set({ status: "failed", lockedUntil: null, error, updatedAt: now }).where(held(claimId, ids));
}

/** Cancels rows that must not be sent (opted out, text budget reached). */
export async function cancelMessages(db: Executor, now: Date, claimId: string, ids: string[], reason: string): Promise<void> {
  if (ids.length === 0) return;
  await db.update(messages).set({ status: "canceled", lockedUntil: null, error: reason, updatedAt: now }).where(held(claimId, ids));
}

/** Returns rows to the queue until `until` without counting an attempt (quiet hours, send rate, practice not live). */
export async function deferMessages(db: Executor, now: Date, claimId: string, ids: string[], until: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(messages)
    .set({ status: "queued", claimId: null, lockedUntil: null, nextAttemptAt: until, attempts: sql`greatest(${messages.attempts} - 1, 0)`, updatedAt: now })
    .where(held(claimId, ids));
}
