import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as statusCallback } from "@/app/api/webhooks/twilio/status/route";
import { getDb, type Database } from "@/db/client";
import { optOuts, smsUsage } from "@/db/schema";
import { optOut } from "@/lib/messaging/opt-outs";
import { defaultProviders } from "@/lib/messaging/providers/default-providers";
import type { Providers } from "@/lib/messaging/providers/provider-types";
import { claimMessages } from "@/lib/messaging/queue/claim-messages";
import { processQueue } from "@/lib/messaging/queue/process-queue";
import { isQuietHours, quietHoursEnd } from "@/lib/messaging/queue/local-time";
import { LEASE_MS } from "@/lib/messaging/queue/queue-policy";
import { OUTCOME_UNKNOWN } from "@/lib/messaging/queue/send-texts";
import { textBudgetStatus } from "@/lib/messaging/queue/text-budget";
import { queueMessages, reload, sendingPractice, startMessagingFakes, TWILIO_FROM, type MessagingFakes } from "./queue-harness";

let fakes: MessagingFakes;
let db: Database;

beforeAll(async () => {
  fakes = await startMessagingFakes();
  db = await getDb();
});

afterAll(async () => {
  await fakes?.close();
});

// 16:00 UTC = 10:00 in Chicago (CST, UTC-6): inside sending hours.
const DAYTIME = new Date("2026-11-27T16:00:00Z");
const after = (ms: number, from = DAYTIME) => new Date(from.getTime() + ms);
const textsTo = (to: string) => fakes.twilio.messages.filter((m) => m.to === to);

async function usage(tenantId: string, clinicId: string) {
  const [row] = await db.select().from(smsUsage).where(and(eq(smsUsage.tenantId, tenantId), eq(smsUsage.scopeId, clinicId), eq(smsUsage.month, "2026-11")));
  return row?.segments ?? 0;
}

describe("the text send queue", () => {
  it("sends a text through Twilio from our number with a status callback that names the message, and counts its segments", async () => {
    const practice = await sendingPractice(db);
    const [row] = await queueMessages(db, practice, "sms", 1, { segments: 2 });

    await processQueue(db, DAYTIME);

    const [text] = textsTo(row!.toAddress);
    expect(text).toMatchObject({ from: TWILIO_FROM, body: row!.body });
    expect(text!.statusCallback).toMatch(new RegExp(`^http://localhost:\\d+/api/webhooks/twilio/status\\?m=${row!.id}$`));
    expect((await reload(db, [row!]))[0]).toMatchObject({ status: "sent", providerMessageId: text!.sid, sentAt: DAYTIME });
    expect(await usage(practice.tenantId, practice.clinicId)).toBe(2);
  });

  it("holds texts during quiet hours in the practice's time zone until 08:00 there, while emails still go", async () => {
    const practice = await sendingPractice(db, { timeZone: "America/Los_Angeles" });
    const [text] = await queueMessages(db, practice, "sms", 1);
    const [email] = await queueMessages(db, practice, "email", 1);
    // 05:30 UTC on Nov 28 = 21:30 on Nov 27 in Los Angeles (PST, UTC-8).
    const night = new Date("2026-11-28T05:30:00Z");

    await processQueue(db, night);

    const held = (await reload(db, [text!]))[0]!;
    expect(held).toMatchObject({ status: "queued", attempts: 0 });
    expect(held.nextAttemptAt).toEqual(new Date("2026-11-28T16:00:00Z"));
    expect(textsTo(text!.toAddress)).toHaveLength(0);
    expect((await reload(db, [email!]))[0]!.status).toBe("sent");

    // Just before 08:00 local (07:59 = 15:59 UTC) it is not due; at 08:00 it goes.
    expect(await processQueue(db, new Date("2026-11-28T15:59:00Z"))).toBe(0);
    await processQueue(db, new Date("2026-11-28T16:00:00Z"));
    expect((await reload(db, [text!]))[0]!.status).toBe("sent");
    expect(textsTo(text!.toAddress)).toHaveLength(1);
  });

  it("holds a text queued in the early morning until 08:00 the same day", async () => {
    const practice = await sendingPractice(db, { timeZone: "America/New_York" });
    const [text] = await queueMessages(db, practice, "sms", 1);
    // 11:30 UTC = 06:30 in New York (EST).
    await processQueue(db, new Date("2026-11-27T11:30:00Z"));
    expect((await reload(db, [text!]))[0]!.nextAttemptAt).toEqual(new Date("2026-11-27T13:00:00Z"));
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
    const practice = await sendingPractice(db);
    const to = "+15557770001";
    const [row] = await queueMessages(db, practice, "sms", 1, { to: () => to });
    await optOut(db, { tenantId: null, channel: "sms", address: "(555) 777-0001", source: "sms-stop" });

    await processQueue(db, DAYTIME);

    expect((await reload(db, [row!]))[0]).toMatchObject({ status: "canceled", error: "opted out" });
    expect(textsTo(to)).toHaveLength(0);
  });

  it("stops texting a clinic that reached its monthly budget, and reports it for the dashboard alert", async () => {
    const practice = await sendingPractice(db, { textBudget: 4 });
    expect((await textBudgetStatus(db, practice.tenantId, DAYTIME))[0]).toMatchObject({ budget: 4, used: 0, state: "ok" });
    const rows = await queueMessages(db, practice, "sms", 3, { segments: 2 });

    await processQueue(db, DAYTIME);

    const statuses = (await reload(db, rows)).map((r) => [r.status, r.error]);
    expect(statuses.filter(([s]) => s === "sent")).toHaveLength(2);
    expect(statuses.filter(([s, e]) => s === "canceled" && e === "text budget reached")).toHaveLength(1);
    expect(await usage(practice.tenantId, practice.clinicId)).toBe(4);
    expect((await textBudgetStatus(db, practice.tenantId, DAYTIME))[0]).toMatchObject({ budget: 4, used: 4, state: "reached" });
    // A new month in the practice's zone starts a new budget (Dec 1, 00:30 in Chicago).
    expect((await textBudgetStatus(db, practice.tenantId, new Date("2026-12-01T06:30:00Z")))[0]).toMatchObject({ used: 0, state: "ok" });
  });

  it("warns when a clinic is within 10% of its budget", async () => {
    const practice = await sendingPractice(db, { textBudget: 10 });
    await queueMessages(db, practice, "sms", 1, { segments: 9 });
    await processQueue(db, DAYTIME);
    expect((await textBudgetStatus(db, practice.tenantId, DAYTIME))[0]).toMatchObject({ used: 9, state: "near" });
  });

  it("retries a text Twilio refused with a 5xx and gives its segments back meanwhile", async () => {
    const practice = await sendingPractice(db);
    const [row] = await queueMessages(db, practice, "sms", 1);
    fakes.twilio.failNext(1, 503);

    await processQueue(db, DAYTIME);

    const waiting = (await reload(db, [row!]))[0]!;
    expect(waiting).toMatchObject({ status: "queued", attempts: 1, sentAt: null });
    expect(waiting.error).toContain("20500");
    expect(await usage(practice.tenantId, practice.clinicId)).toBe(0);

    await processQueue(db, waiting.nextAttemptAt);
    expect((await reload(db, [row!]))[0]!.status).toBe("sent");
    expect(textsTo(row!.toAddress)).toHaveLength(1);
    expect(await usage(practice.tenantId, practice.clinicId)).toBe(1);
  });

  it("records Twilio's 'unsubscribed recipient' refusal as a global opt-out", async () => {
    const practice = await sendingPractice(db);
    const to = "+15557770002";
    fakes.twilio.optedOut.add(to);
    const [row] = await queueMessages(db, practice, "sms", 1, { to: () => to });

    await processQueue(db, DAYTIME);

    expect((await reload(db, [row!]))[0]).toMatchObject({ status: "canceled", error: "opted out" });
    expect(await db.select().from(optOuts).where(eq(optOuts.address, to))).toMatchObject([{ tenantId: null, channel: "sms" }]);
  });

  it("marks a text whose worker died after handing it to Twilio as 'outcome unknown' instead of texting again", async () => {
    const practice = await sendingPractice(db);
    const [row] = await queueMessages(db, practice, "sms", 1);
    const real = defaultProviders(db);
    const dying: Providers = {
      ...real,
      sms: {
        ...real.sms,
        async send(text) {
          await real.sms.send(text);
          throw new Error("worker killed");
        },
      },
    };
    await processQueue(db, DAYTIME, { providers: dying });
    expect((await reload(db, [row!]))[0]).toMatchObject({ status: "sending", sentAt: DAYTIME });

    await processQueue(db, after(LEASE_MS + 1000));

    expect((await reload(db, [row!]))[0]).toMatchObject({ status: "failed", error: OUTCOME_UNKNOWN });
    expect(textsTo(row!.toAddress)).toHaveLength(1);
  });

  it("lets Twilio's status callback settle a text marked 'outcome unknown'", async () => {
    const practice = await sendingPractice(db);
    const [row] = await queueMessages(db, practice, "sms", 1);
    const real = defaultProviders(db);
    const dying: Providers = {
      ...real,
      sms: {
        ...real.sms,
        async send(text) {
          await real.sms.send(text);
          throw new Error("worker killed");
        },
      },
    };
    await processQueue(db, DAYTIME, { providers: dying });
    await processQueue(db, after(LEASE_MS + 1000));
    const [text] = textsTo(row!.toAddress);

    const signed = fakes.twilio.statusCallback(text!.sid, "delivered");
    const res = await statusCallback(new Request(signed.url, { method: "POST", headers: signed.headers, body: signed.body }));

    expect(res.status).toBe(200);
    expect((await reload(db, [row!]))[0]).toMatchObject({ status: "delivered", providerMessageId: text!.sid, error: null });
  });

  it("sends a text whose worker died before calling Twilio once the lease runs out", async () => {
    const practice = await sendingPractice(db);
    const [row] = await queueMessages(db, practice, "sms", 1);
    await claimMessages(db, DAYTIME);

    await processQueue(db, after(LEASE_MS + 1000));

    expect((await reload(db, [row!]))[0]!.status).toBe("sent");
    expect(textsTo(row!.toAddress)).toHaveLength(1);
  });
});
