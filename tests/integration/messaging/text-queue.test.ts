import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as statusCallback } from "@/app/api/webhooks/twilio/status/route";
import { optOuts, smsUsage } from "@/db/schema";
import { optOut } from "@/lib/messaging/opt-outs";
import { claimMessages } from "@/lib/messaging/queue/claim-messages";
import { processQueue } from "@/lib/messaging/queue/process-queue";
import { isQuietHours, quietHoursEnd } from "@/lib/messaging/queue/local-time";
import { LEASE_MS } from "@/lib/messaging/queue/queue-policy";
import { OUTCOME_UNKNOWN } from "@/lib/messaging/queue/send-texts";
import { textBudgetStatus } from "@/lib/messaging/queue/text-budget";
import { DAYTIME, providersDyingAfterSend, queueMessages, reload, sendingPractice, setUpMessagingHarness, TWILIO_FROM } from "./queue-harness";

const harness = setUpMessagingHarness();

const after = (ms: number, from = DAYTIME) => new Date(from.getTime() + ms);
const textsTo = (to: string) => harness.fakes.twilio.messages.filter((m) => m.to === to);

async function usage(tenantId: string, clinicId: string) {
  const [row] = await harness.db.select().from(smsUsage).where(and(eq(smsUsage.tenantId, tenantId), eq(smsUsage.scopeId, clinicId), eq(smsUsage.month, "2026-11")));
  return row?.segments ?? 0;
}

describe("the text send queue", () => {
  it("sends a text through Twilio from our number with a status callback that names the message, and counts its segments", async () => {
    const practice = await sendingPractice(harness.db);
    const [row] = await queueMessages(harness.db, practice, "sms", 1, { segments: 2 });

    await processQueue(harness.db, DAYTIME);

    const [text] = textsTo(row!.toAddress);
    expect(text).toMatchObject({ from: TWILIO_FROM, body: row!.body });
    expect(text!.statusCallback).toMatch(new RegExp(`^http://localhost:\\d+/api/webhooks/twilio/status\\?m=${row!.id}$`));
    expect((await reload(harness.db, [row!]))[0]).toMatchObject({ status: "sent", providerMessageId: text!.sid, sentAt: DAYTIME });
    expect(await usage(practice.tenantId, practice.clinicId)).toBe(2);
  });

  it("holds texts during quiet hours in the practice's time zone until 08:00 there, while emails still go", async () => {
    const practice = await sendingPractice(harness.db, { timeZone: "America/Los_Angeles" });
    const [text] = await queueMessages(harness.db, practice, "sms", 1);
    const [email] = await queueMessages(harness.db, practice, "email", 1);
    // 05:30 UTC on Nov 28 = 21:30 on Nov 27 in Los Angeles (PST, UTC-8).
    const night = new Date("2026-11-28T05:30:00Z");

    await processQueue(harness.db, night);

    const held = (await reload(harness.db, [text!]))[0]!;
    expect(held).toMatchObject({ status: "queued", attempts: 0 });
    expect(held.nextAttemptAt).toEqual(new Date("2026-11-28T16:00:00Z"));
    expect(textsTo(text!.toAddress)).toHaveLength(0);
    expect((await reload(harness.db, [email!]))[0]!.status).toBe("sent");

    // Just before 08:00 local (07:59 = 15:59 UTC) it is not due; at 08:00 it goes.
    expect(await processQueue(harness.db, new Date("2026-11-28T15:59:00Z"))).toBe(0);
    await processQueue(harness.db, new Date("2026-11-28T16:00:00Z"));
    expect((await reload(harness.db, [text!]))[0]!.status).toBe("sent");
    expect(textsTo(text!.toAddress)).toHaveLength(1);
  });

  it("holds a text queued in the early morning until 08:00 the same day", async () => {
    const practice = await sendingPractice(harness.db, { timeZone: "America/New_York" });
    const [text] = await queueMessages(harness.db, practice, "sms", 1);
    // 11:30 UTC = 06:30 in New York (EST).
    await processQueue(harness.db, new Date("2026-11-27T11:30:00Z"));
    expect((await reload(harness.db, [text!]))[0]!.nextAttemptAt).toEqual(new Date("2026-11-27T13:00:00Z"));
  });

  it("ends quiet hours at 08:00 local time across a daylight-saving change", () => {
    // 21:30 CST on Sat Mar 7 2026 (03:30 UTC); clocks spring forward that night, so 08:00 CDT is 13:00 UTC.
    const night = new Date("2026-03-08T03:30:00Z");
    expect(isQuietHours(night, "America/Chicago")).toBe(true);
    expect(quietHoursEnd(night, "America/Chicago")).toEqual(new Date("2026-03-08T13:00:00Z"));
    // And back in November: 22:00 CDT on Sat Oct 31 → 08:00 CST on Sun Nov 1 = 14:00 UTC.
    expect(quietHoursEnd(new Date("2026-11-01T03:00:00Z"), "America/Chicago")).toEqual(new Date("2026-11-01T14:00:00Z"));
    expect(isQuietHours(new Date("2026-11-01T14:00:00Z"), "America/Chicago")).toBe(false);
    expect(isQuietHours(new Date("2026-11-01T13:59:00Z"), "America/Chicago")).toBe(true);
  });

  it("cancels a text to a number that texted STOP, for every practice", async () => {
    const practice = await sendingPractice(harness.db);
    const to = "+15557770001";
    const [row] = await queueMessages(harness.db, practice, "sms", 1, { to: () => to });
    await optOut(harness.db, { tenantId: null, channel: "sms", address: "(555) 777-0001", source: "sms-stop" });

    await processQueue(harness.db, DAYTIME);

    expect((await reload(harness.db, [row!]))[0]).toMatchObject({ status: "canceled", error: "opted out" });
    expect(textsTo(to)).toHaveLength(0);
  });

  it("stops texting a clinic that reached its monthly budget, and reports it for the dashboard alert", async () => {
    const practice = await sendingPractice(harness.db, { textBudget: 4 });
    expect((await textBudgetStatus(harness.db, practice.tenantId, DAYTIME))[0]).toMatchObject({ budget: 4, used: 0, state: "ok" });
    const rows = await queueMessages(harness.db, practice, "sms", 3, { segments: 2 });

    await processQueue(harness.db, DAYTIME);

    const statuses = (await reload(harness.db, rows)).map((r) => [r.status, r.error]);
    expect(statuses.filter(([s]) => s === "sent")).toHaveLength(2);
    expect(statuses.filter(([s, e]) => s === "canceled" && e === "text budget reached")).toHaveLength(1);
    expect(await usage(practice.tenantId, practice.clinicId)).toBe(4);
    expect((await textBudgetStatus(harness.db, practice.tenantId, DAYTIME))[0]).toMatchObject({ budget: 4, used: 4, state: "reached" });
    // A new month in the practice's zone starts a new budget (Dec 1, 00:30 in Chicago).
    expect((await textBudgetStatus(harness.db, practice.tenantId, new Date("2026-12-01T06:30:00Z")))[0]).toMatchObject({ used: 0, state: "ok" });
  });

  it("warns when a clinic is within 10% of its budget", async () => {
    const practice = await sendingPractice(harness.db, { textBudget: 10 });
    await queueMessages(harness.db, practice, "sms", 1, { segments: 9 });
    await processQueue(harness.db, DAYTIME);
    expect((await textBudgetStatus(harness.db, practice.tenantId, DAYTIME))[0]).toMatchObject({ used: 9, state: "near" });
  });

  it("retries a text Twilio refused with a 5xx and gives its segments back meanwhile", async () => {
    const practice = await sendingPractice(harness.db);
    const [row] = await queueMessages(harness.db, practice, "sms", 1);
    harness.fakes.twilio.failNext(1, 503);

    await processQueue(harness.db, DAYTIME);

    const waiting = (await reload(harness.db, [row!]))[0]!;
    expect(waiting).toMatchObject({ status: "queued", attempts: 1, sentAt: null });
    expect(waiting.error).toContain("20500");
    expect(await usage(practice.tenantId, practice.clinicId)).toBe(0);

    await processQueue(harness.db, waiting.nextAttemptAt);
    expect((await reload(harness.db, [row!]))[0]!.status).toBe("sent");
    expect(textsTo(row!.toAddress)).toHaveLength(1);
    expect(await usage(practice.tenantId, practice.clinicId)).toBe(1);
  });

  it("records Twilio's 'unsubscribed recipient' refusal as a global opt-out", async () => {
    const practice = await sendingPractice(harness.db);
    const to = "+15557770002";
    harness.fakes.twilio.optedOut.add(to);
    const [row] = await queueMessages(harness.db, practice, "sms", 1, { to: () => to });

    await processQueue(harness.db, DAYTIME);

    expect((await reload(harness.db, [row!]))[0]).toMatchObject({ status: "canceled", error: "opted out" });
    expect(await harness.db.select().from(optOuts).where(eq(optOuts.address, to))).toMatchObject([{ tenantId: null, channel: "sms" }]);
  });

  it("marks a text whose worker died after handing it to Twilio as 'outcome unknown' instead of texting again", async () => {
    const practice = await sendingPractice(harness.db);
    const [row] = await queueMessages(harness.db, practice, "sms", 1);
    await processQueue(harness.db, DAYTIME, { providers: providersDyingAfterSend(harness.db) });
    expect((await reload(harness.db, [row!]))[0]).toMatchObject({ status: "sending", sentAt: DAYTIME });

    await processQueue(harness.db, after(LEASE_MS + 1000));

    expect((await reload(harness.db, [row!]))[0]).toMatchObject({ status: "failed", error: OUTCOME_UNKNOWN });
    expect(textsTo(row!.toAddress)).toHaveLength(1);
  });

  it("lets Twilio's status callback settle a text marked 'outcome unknown'", async () => {
    const practice = await sendingPractice(harness.db);
    const [row] = await queueMessages(harness.db, practice, "sms", 1);
    await processQueue(harness.db, DAYTIME, { providers: providersDyingAfterSend(harness.db) });
    await processQueue(harness.db, after(LEASE_MS + 1000));
    const [text] = textsTo(row!.toAddress);

    const signed = harness.fakes.twilio.statusCallback(text!.sid, "delivered");
    const res = await statusCallback(new Request(signed.url, { method: "POST", headers: signed.headers, body: signed.body }));

    expect(res.status).toBe(200);
    expect((await reload(harness.db, [row!]))[0]).toMatchObject({ status: "delivered", providerMessageId: text!.sid, error: null });
  });

  it("sends a text whose worker died before calling Twilio once the lease runs out", async () => {
    const practice = await sendingPractice(harness.db);
    const [row] = await queueMessages(harness.db, practice, "sms", 1);
    await claimMessages(harness.db, DAYTIME);

    await processQueue(harness.db, after(LEASE_MS + 1000));

    expect((await reload(harness.db, [row!]))[0]!.status).toBe("sent");
    expect(textsTo(row!.toAddress)).toHaveLength(1);
  });
});
