import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { messageBatches, messages, patients } from "@/db/schema";
import { toCsv } from "@/lib/csv/to-csv";

export interface BatchProgress {
  total: number;
  queued: number;
  sent: number;
  failed: number;
  done: boolean;
}

/** One batch of this practice (undefined for another practice's id). */
export async function loadBatch(db: Executor, tenantId: string, batchId: string) {
  const [row] = await db
    .select()
    .from(messageBatches)
    .where(and(eq(messageBatches.tenantId, tenantId), eq(messageBatches.id, batchId)));
  return row;
}

/** How the batch's messages stand: waiting (queued/sending), sent (sent/delivered), failed (failed/bounced/complained/canceled). */
export async function batchProgress(db: Executor, tenantId: string, batchId: string): Promise<BatchProgress> {
  const [row] = await db
    .select({
      total: sql<string>`count(*)`,
      queued: sql<string>`count(*) filter (where ${messages.status} in ('queued', 'sending'))`,
      sent: sql<string>`count(*) filter (where ${messages.status} in ('sent', 'delivered'))`,
      failed: sql<string>`count(*) filter (where ${messages.status} in ('failed', 'bounced', 'complained', 'canceled'))`,
    })
    .from(messages)
    .where(and(eq(messages.tenantId, tenantId), eq(messages.batchId, batchId)));
  const p = { total: Number(row?.total ?? 0), queued: Number(row?.queued ?? 0), sent: Number(row?.sent ?? 0), failed: Number(row?.failed ?? 0) };
  return { ...p, done: p.queued === 0 };
}

/** Every message of the batch with its patient, for the batch page and its CSV (capped). */
export function batchMessages(db: Executor, tenantId: string, batchId: string, limit = 20_000) {
  return db
    .select({
      id: messages.id,
      channel: messages.channel,
      toAddress: messages.toAddress,
      status: messages.status,
      error: messages.error,
      sentAt: messages.sentAt,
      deliveredAt: messages.deliveredAt,
      createdAt: messages.createdAt,
      requestId: messages.requestId,
      patientExternalId: patients.externalId,
      firstName: patients.firstName,
      lastName: patients.lastName,
    })
    .from(messages)
    .leftJoin(patients, and(eq(patients.id, messages.patientId), eq(patients.tenantId, messages.tenantId)))
    .where(and(eq(messages.tenantId, tenantId), eq(messages.batchId, batchId)))
    .orderBy(asc(patients.lastName), asc(patients.firstName), asc(messages.channel))
    .limit(limit);
}

type Row = Awaited<ReturnType<typeof batchMessages>>[number];

const HEADER = ["patient_id", "patient_name", "channel", "to", "status", "error", "created_at", "sent_at", "delivered_at", "request_id"];

/** The batch's messages as CSV, formula-safe, times in ISO 8601 UTC. */
export function batchMessagesToCsv(rows: Row[]): string {
  return toCsv(
    HEADER,
    rows.map((r) => [r.patientExternalId, r.firstName ? `${r.firstName} ${r.lastName}` : "", r.channel, r.toAddress, r.status, r.error, r.createdAt.toISOString(), r.sentAt?.toISOString(), r.deliveredAt?.toISOString(), r.requestId]),
  );
}
