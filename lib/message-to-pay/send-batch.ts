import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { messageBatches, messages, patients, paymentRequests, type MessageChannel } from "@/db/schema";
import { displayedBalances } from "@/lib/payments/displayed-balance";
import { batchFiltersSchema, matchingPatientIds, type BatchFilters } from "./batch-filters";
import { chooseChannels, composeMessages, optOutsFor } from "./compose-messages";
import { buildRequest } from "./create-request";
import { loadSendContext } from "./send-context";

/** Patients per transaction: big enough to be fast, small enough to keep each transaction short. */
export const BATCH_CHUNK = 500;

export interface SendBatchInput {
  tenantId: string;
  userId: string | null;
  filters: BatchFilters | Record<string, unknown>;
  channels: MessageChannel[];
  now?: Date;
}

export interface SendBatchResult {
  batchId: string;
  /** Requests created (patients who owed something and could be reached on a chosen channel). */
  requests: number;
  messages: number;
  /** Matching patients who got nothing: nothing owed by now, or no usable channel. */
  skippedPatients: number;
}

/**
 * A bulk Message-to-Pay: records the batch, then for every matching patient of this practice snapshots the statement
 * and queues rendered messages, 500 patients per transaction. Opted-out and missing channels are skipped; a patient
 * with none left gets no request. The email layout renders once for the whole batch.
 */
export async function sendBatch(db: Database, input: SendBatchInput): Promise<SendBatchResult> {
  const now = input.now ?? new Date();
  const filters = batchFiltersSchema.parse(input.filters);
  const ctx = await loadSendContext(db, input.tenantId);
  if (!ctx) throw new Error("Unknown practice");
  const ids = await matchingPatientIds(db, input.tenantId, filters, now);
  const [batch] = await db
    .insert(messageBatches)
    .values({ tenantId: input.tenantId, createdByUserId: input.userId, filters: { ...filters }, channels: input.channels, total: ids.length, createdAt: now })
    .returning({ id: messageBatches.id });
  const batchId = batch!.id;
  let requestCount = 0;
  let messageCount = 0;
  for (let i = 0; i < ids.length; i += BATCH_CHUNK) {
    const chunkIds = ids.slice(i, i + BATCH_CHUNK);
    const rows = await db
      .select()
      .from(patients)
      .where(and(eq(patients.tenantId, input.tenantId), inArray(patients.id, chunkIds)));
    const [balances, optedOut] = await Promise.all([displayedBalances(db, input.tenantId, rows), optOutsFor(db, input.tenantId, rows)]);
    const requestRows: (typeof paymentRequests.$inferInsert)[] = [];
    const messageRows: (typeof messages.$inferInsert)[] = [];
    for (const patient of rows) {
      const balance = balances.get(patient.id) ?? 0;
      if (balance <= 0) continue;
      const choice = chooseChannels(patient, input.channels, optedOut);
      if (choice.send.length === 0) continue;
      const request = buildRequest(ctx, { patientId: patient.id, clinicId: patient.clinicId, balanceCents: balance, channels: choice.send.map((s) => s.channel), userId: input.userId, batchId, now });
      requestRows.push(request.row);
      messageRows.push(...composeMessages(ctx, { patient, send: choice.send, url: request.url, balanceCents: balance, requestId: request.row.id, batchId, kind: "request", now }));
    }
    if (requestRows.length === 0) continue;
    await db.transaction(async (tx) => {
      await tx.insert(paymentRequests).values(requestRows);
      // Parameter lists stay well under Postgres' 65,535 limit: at most ~1,000 message rows of ~17 columns.
      for (let j = 0; j < messageRows.length; j += 250) await tx.insert(messages).values(messageRows.slice(j, j + 250));
    });
    requestCount += requestRows.length;
    messageCount += messageRows.length;
  }
  await db.update(messageBatches).set({ total: requestCount }).where(eq(messageBatches.id, batchId));
  return { batchId, requests: requestCount, messages: messageCount, skippedPatients: ids.length - requestCount };
}
