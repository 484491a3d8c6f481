import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { messages, type Message } from "@/db/schema";
import { BATCH_SIZE, CLAIM_LIMIT, LEASE_MS } from "./queue-policy";

/**
 * Rows one worker holds until `lockedUntil`. `resumed`: a group whose earlier holder died or got no answer from
 * the provider; it is re-sent exactly as it was (same rows, same idempotency key), so the provider can dedupe.
 */
export interface ClaimGroup {
  claimId: string;
  channel: "email" | "sms";
  resumed: boolean;
  /** Sorted by id, so a resumed email batch is byte-identical to the first attempt. */
  rows: Message[];
}

const byId = (a: Message, b: Message) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Takes over groups whose lease ran out, one whole group at a time; safe with any number of workers. */
async function resumeExpired(db: Database, now: Date, leaseUntil: Date): Promise<ClaimGroup[]> {
  const expired = await db
    .selectDistinct({ claimId: messages.claimId })
    .from(messages)
    .where(and(eq(messages.status, "sending"), lte(messages.lockedUntil, now), isNotNull(messages.claimId)))
    .limit(20);
  const groups: ClaimGroup[] = [];
  for (const { claimId } of expired) {
    const rows = await db.transaction(async (tx) => {
      // Two workers must never split one group between them: whoever gets the group's advisory lock takes all of it.
      const [lock] = await queryRows<{ ok: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(hashtextextended(${claimId}::text, 0)) AS ok`);
      if (!lock?.ok) return [];
      return tx
        .update(messages)
        .set({ lockedUntil: leaseUntil, attempts: sql`${messages.attempts} + 1`, updatedAt: now })
        .where(and(eq(messages.claimId, claimId!), eq(messages.status, "sending"), lte(messages.lockedUntil, now)))
        .returning();
    });
    if (rows.length === 0) continue;
    // The replay must be the very same request: include rows of the group a webhook already moved on.
    const whole = await db.select().from(messages).where(eq(messages.claimId, claimId!));
    groups.push({ claimId: claimId!, channel: rows[0]!.channel, resumed: true, rows: whole.sort(byId) });
  }
  return groups;
}

/** Claims due queued rows (FOR UPDATE SKIP LOCKED); emails in groups of up to 100 sharing a claim id, texts one per claim. */
async function claimDue(db: Database, now: Date, leaseUntil: Date, limit: number): Promise<ClaimGroup[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: messages.id, channel: messages.channel })
      .from(messages)
      .where(and(eq(messages.status, "queued"), lte(messages.nextAttemptAt, now)))
      .orderBy(asc(messages.nextAttemptAt), asc(messages.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    const emailIds = due.filter((r) => r.channel === "email").map((r) => r.id).sort();
    const smsIds = due.filter((r) => r.channel === "sms").map((r) => r.id);
    const groups: ClaimGroup[] = [];
    const take = (ids: string[], claimId: string) =>
      tx
        .update(messages)
        .set({ status: "sending", claimId, lockedUntil: leaseUntil, attempts: sql`${messages.attempts} + 1`, updatedAt: now })
        .where(inArray(messages.id, ids))
        .returning();
    for (let i = 0; i < emailIds.length; i += BATCH_SIZE) {
      const claimId = randomUUID();
      const rows = await take(emailIds.slice(i, i + BATCH_SIZE), claimId);
      groups.push({ claimId, channel: "email", resumed: false, rows: rows.sort(byId) });
    }
    if (smsIds.length > 0) {
      // One statement, one fresh claim id per text: a text is never re-sent as part of someone else's group.
      const rows = await tx
        .update(messages)
        .set({ status: "sending", claimId: sql`gen_random_uuid()`, lockedUntil: leaseUntil, attempts: sql`${messages.attempts} + 1`, updatedAt: now })
        .where(inArray(messages.id, smsIds))
        .returning();
      for (const row of rows) groups.push({ claimId: row.claimId!, channel: "sms", resumed: false, rows: [row] });
    }
    return groups;
  });
}

/**
 * Claims work for one round: first groups abandoned by a dead worker (lease expired), then due queued rows.
 * Every claimed row is 'sending', counted as an attempt, and held for `leaseMs`.
 */
export async function claimMessages(db: Database, now: Date, opts: { limit?: number; leaseMs?: number } = {}): Promise<ClaimGroup[]> {
  const leaseUntil = new Date(now.getTime() + (opts.leaseMs ?? LEASE_MS));
  const resumed = await resumeExpired(db, now, leaseUntil);
  const fresh = await claimDue(db, now, leaseUntil, opts.limit ?? CLAIM_LIMIT);
  return [...resumed, ...fresh];
}
