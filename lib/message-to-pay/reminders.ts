import { and, asc, eq, isNotNull, lte } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { messages, paymentRequests, type PaymentRequest } from "@/db/schema";
import type { Worker } from "@/lib/jobs/worker";
import { sha256 } from "@/lib/security/sha256";
import { chooseChannels, composeMessages, loadPatient, optOutsFor } from "./compose-messages";
import { paymentLinkUrl, tokenInText } from "./link-token";
import { openPaymentLink } from "./open-link";
import { loadSendContext, type SendContext } from "./send-context";

const DAY_MS = 86_400_000;
/** Requests handled per round (one transaction); a backlog drains round after round. */
const ROUND_SIZE = 50;

export type ReminderOutcome = "sent" | "stopped";

/** The raw token of a request, read back from the link in one of its messages (we store only the hash). */
async function tokenOf(db: Executor, request: PaymentRequest): Promise<string | null> {
  const rows = await db
    .select({ body: messages.body })
    .from(messages)
    .where(and(eq(messages.tenantId, request.tenantId), eq(messages.requestId, request.id)))
    .limit(5);
  for (const r of rows) {
    const token = tokenInText(r.body);
    if (token && sha256(token) === request.tokenHash) return token;
  }
  return null;
}

async function stop(db: Executor, request: PaymentRequest): Promise<ReminderOutcome> {
  await db.update(paymentRequests).set({ nextReminderAt: null }).where(eq(paymentRequests.id, request.id));
  return "stopped";
}

/**
 * One due reminder: re-sends the same link (its expiry pushed out if it would lapse first) with what remains owed,
 * on the request's channels the patient still accepts, then schedules the next — or stops for good when reminders
 * are off, the link was revoked or expired, the balance is paid, every channel opted out, or the schedule ended.
 */
export async function remindOne(db: Executor, ctx: SendContext, request: PaymentRequest, now: Date): Promise<ReminderOutcome> {
  const days = ctx.settings.reminderDays;
  if (!ctx.settings.remindersEnabled || request.revokedAt || request.expiresAt <= now || request.remindersSent >= days.length) return stop(db, request);
  const token = await tokenOf(db, request);
  if (!token) return stop(db, request);
  const link = await openPaymentLink(db, { tenantId: request.tenantId, token, now });
  if (!link.ok || link.remainingCents <= 0) return stop(db, request);
  const patient = await loadPatient(db, request.tenantId, request.patientId);
  if (!patient) return stop(db, request);
  const choice = chooseChannels(patient, request.channels as ("email" | "sms")[], await optOutsFor(db, request.tenantId, [patient]));
  if (choice.send.length === 0) return stop(db, request);

  const url = paymentLinkUrl(ctx.tenant.slug, token);
  const rows = composeMessages(ctx, { patient, send: choice.send, url, balanceCents: link.remainingCents, requestId: request.id, batchId: request.batchId, kind: "reminder", now });
  await db.insert(messages).values(rows);
  const sent = request.remindersSent + 1;
  const nextDay = days[sent];
  const minExpiry = new Date(now.getTime() + ctx.settings.linkExpiryDays * DAY_MS);
  await db
    .update(paymentRequests)
    .set({
      remindersSent: sent,
      nextReminderAt: nextDay === undefined ? null : new Date(request.createdAt.getTime() + nextDay * DAY_MS),
      expiresAt: request.expiresAt < minExpiry ? minExpiry : request.expiresAt,
    })
    .where(eq(paymentRequests.id, request.id));
  return "sent";
}

/** Claims due reminders (FOR UPDATE SKIP LOCKED, so any number of processes may run this) and handles them. */
export async function runDueReminders(db: Database, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(paymentRequests)
      .where(and(isNotNull(paymentRequests.nextReminderAt), lte(paymentRequests.nextReminderAt, now)))
      .orderBy(asc(paymentRequests.nextReminderAt))
      .limit(ROUND_SIZE)
      .for("update", { skipLocked: true });
    const contexts = new Map<string, SendContext | null>();
    for (const request of due) {
      if (!contexts.has(request.tenantId)) contexts.set(request.tenantId, await loadSendContext(tx, request.tenantId));
      const ctx = contexts.get(request.tenantId);
      if (!ctx) await stop(tx, request);
      else await remindOne(tx, ctx, request, now);
    }
    return due.length;
  });
}

/** The reminder schedule's background worker. */
export const reminderWorker: Worker = {
  name: "message-to-pay-reminders",
  intervalMs: 60_000,
  runOnce: runDueReminders,
};
