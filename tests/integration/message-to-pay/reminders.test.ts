import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { messages, messagingSettings, payments } from "@/db/schema";
import { optOut } from "@/lib/messaging/opt-outs";
import { openPaymentLink } from "@/lib/message-to-pay/open-link";
import { reminderWorker, runDueReminders } from "@/lib/message-to-pay/reminders";
import { revokeRequest } from "@/lib/message-to-pay/revoke-request";
import { sendSingleRequest } from "@/lib/message-to-pay/send-single";
import { sendBatch } from "@/lib/message-to-pay/send-batch";
import { WORKERS } from "@/lib/jobs/workers";
import { addPatient, messagesOf, practice, requestRow, tokenFrom } from "./harness";

const DAY = 86_400_000;
let db: Database;
beforeAll(async () => {
  db = await getDb();
});

async function practiceWithReminders(days = [7, 14, 21], linkExpiryDays = 30) {
  const p = await practice(db);
  await db.insert(messagingSettings).values({ tenantId: p.tenant.id, remindersEnabled: true, reminderDays: days, linkExpiryDays });
  return p;
}

async function send(p: Awaited<ReturnType<typeof practice>>, patientId: string, channels: ("email" | "sms")[] = ["sms"], now = new Date()) {
  const r = await sendSingleRequest(db, { tenantId: p.tenant.id, userId: p.owner.id, patientId, channels, now });
  if (!r.ok) throw new Error(r.code);
  return r.requestId;
}

const reminders = async (requestId: string) => (await messagesOf(db, requestId)).filter((m) => m.kind === "reminder");

describe("reminders", () => {
  it("is one of the app's background workers", () => {
    expect(WORKERS).toContain(reminderWorker);
  });

  it("go out on days 7, 14 and 21 with the same link and what remains owed, then stop when the schedule ends", async () => {
    const p = await practiceWithReminders([7, 14, 21], 10);
    const patient = await addPatient(db, p.tenant.id, { balanceCents: 40_000 });
    const t0 = new Date();
    const id = await send(p, patient.id, ["sms"], t0);
    const first = await requestRow(db, id);
    expect(first.nextReminderAt).toEqual(new Date(t0.getTime() + 7 * DAY));
    const token = tokenFrom((await messagesOf(db, id))[0]!.body);

    // Nothing is due on day 6.
    await runDueReminders(db, new Date(t0.getTime() + 6 * DAY));
    expect(await reminders(id)).toHaveLength(0);

    // A payment of $100 on day 3 is reflected in the reminder.
    await db.insert(payments).values({ tenantId: p.tenant.id, patientId: patient.id, amountCents: 10_000, status: "succeeded", succeededAt: new Date(t0.getTime() + 3 * DAY), idempotencyKey: `t-${id}`, processorKind: "demo" });
    const day7 = new Date(t0.getTime() + 7 * DAY + 1000);
    await runDueReminders(db, day7);
    const [r1] = await reminders(id);
    expect(r1).toMatchObject({ kind: "reminder", channel: "sms", status: "queued", toAddress: patient.phone });
    expect(r1!.body).toContain("$300.00");
    expect(tokenFrom(r1!.body)).toBe(token);
    const after7 = await requestRow(db, id);
    expect(after7).toMatchObject({ remindersSent: 1, nextReminderAt: new Date(t0.getTime() + 14 * DAY) });
    // The 10-day link would lapse before the patient could use the reminder: it now lasts 10 days from the reminder.
    expect(after7.expiresAt).toEqual(new Date(day7.getTime() + 10 * DAY));
    expect(await openPaymentLink(db, { tenantId: p.tenant.id, token, now: new Date(t0.getTime() + 12 * DAY) })).toMatchObject({ ok: true, remainingCents: 30_000 });

    await runDueReminders(db, new Date(t0.getTime() + 14 * DAY + 1000));
    await runDueReminders(db, new Date(t0.getTime() + 21 * DAY + 1000));
    expect(await reminders(id)).toHaveLength(3);
    expect(await requestRow(db, id)).toMatchObject({ remindersSent: 3, nextReminderAt: null });
    await runDueReminders(db, new Date(t0.getTime() + 40 * DAY));
    expect(await reminders(id)).toHaveLength(3);
  });

  it("stop once the balance is paid", async () => {
    const p = await practiceWithReminders();
    const patient = await addPatient(db, p.tenant.id, { balanceCents: 5_000 });
    const t0 = new Date();
    const id = await send(p, patient.id, ["sms"], t0);
    await db.insert(payments).values({ tenantId: p.tenant.id, patientId: patient.id, paymentRequestId: id, amountCents: 5_000, status: "succeeded", succeededAt: new Date(t0.getTime() + DAY), idempotencyKey: `t-${id}`, processorKind: "demo" });
    expect(await runDueReminders(db, new Date(t0.getTime() + 8 * DAY))).toBeGreaterThanOrEqual(1);
    expect(await reminders(id)).toHaveLength(0);
    expect(await requestRow(db, id)).toMatchObject({ nextReminderAt: null, remindersSent: 0 });
  });

  it("stop when the patient opted out of every channel, and skip a channel opted out since", async () => {
    const p = await practiceWithReminders();
    const t0 = new Date();
    const a = await addPatient(db, p.tenant.id);
    const b = await addPatient(db, p.tenant.id);
    const idA = await send(p, a.id, ["sms"], t0);
    const idB = await send(p, b.id, ["sms", "email"], t0);
    await optOut(db, { tenantId: null, channel: "sms", address: a.phone!, source: "stop" });
    await optOut(db, { tenantId: null, channel: "sms", address: b.phone!, source: "stop" });
    await runDueReminders(db, new Date(t0.getTime() + 7 * DAY + 1000));
    expect(await reminders(idA)).toHaveLength(0);
    expect(await requestRow(db, idA)).toMatchObject({ nextReminderAt: null });
    expect((await reminders(idB)).map((m) => m.channel)).toEqual(["email"]);
  });

  it("stop when the link was revoked or expired, or the practice turned reminders off", async () => {
    const p = await practiceWithReminders([7], 5);
    const t0 = new Date();
    const revoked = await send(p, (await addPatient(db, p.tenant.id)).id, ["sms"], t0);
    await revokeRequest(db, p.tenant.id, revoked);
    expect(await requestRow(db, revoked)).toMatchObject({ nextReminderAt: null });
    // Expired on day 5, before the day-7 reminder.
    const expired = await send(p, (await addPatient(db, p.tenant.id)).id, ["sms"], t0);
    await runDueReminders(db, new Date(t0.getTime() + 7 * DAY + 1000));
    expect(await reminders(expired)).toHaveLength(0);
    expect(await requestRow(db, expired)).toMatchObject({ nextReminderAt: null });

    const q = await practiceWithReminders([7], 30);
    const off = await send(q, (await addPatient(db, q.tenant.id)).id, ["sms"], t0);
    await db.update(messagingSettings).set({ remindersEnabled: false }).where(eq(messagingSettings.tenantId, q.tenant.id));
    await runDueReminders(db, new Date(t0.getTime() + 7 * DAY + 1000));
    expect(await reminders(off)).toHaveLength(0);
    expect(await requestRow(db, off)).toMatchObject({ nextReminderAt: null });
  });

  it("are scheduled for bulk requests too, and not at all when the practice has them off", async () => {
    const on = await practiceWithReminders([3]);
    await addPatient(db, on.tenant.id);
    const t0 = new Date();
    const batch = await sendBatch(db, { tenantId: on.tenant.id, userId: on.owner.id, filters: {}, channels: ["email"], now: t0 });
    await runDueReminders(db, new Date(t0.getTime() + 3 * DAY + 1000));
    const sent = await db.select().from(messages).where(and(eq(messages.batchId, batch.batchId), eq(messages.kind, "reminder")));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ channel: "email", status: "queued" });

    const off = await practice(db);
    const patient = await addPatient(db, off.tenant.id);
    const id = await send(off, patient.id);
    expect(await requestRow(db, id)).toMatchObject({ nextReminderAt: null });
  });
});
