import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as resendWebhook } from "@/app/api/webhooks/resend/route";
import { POST as inboundText } from "@/app/api/webhooks/twilio/inbound/route";
import { POST as statusCallback } from "@/app/api/webhooks/twilio/status/route";
import { optOuts } from "@/db/schema";
import { isOptedOut } from "@/lib/messaging/opt-outs";
import { processQueue } from "@/lib/messaging/queue/process-queue";
import { rootUrl } from "@/lib/tenancy/urls";
import { signResendWebhook } from "../../fakes/resend-fake";
import type { SignedTwilioRequest } from "../../fakes/twilio-fake";
import { DAYTIME, queueMessages, reload, RESEND_WEBHOOK_SECRET, sendingPractice, setUpMessagingHarness } from "./queue-harness";

const harness = setUpMessagingHarness();

const post = (signed: { headers: Record<string, string>; body: string }, url = "http://localhost:3000/api/webhooks/resend") =>
  new Request(url, { method: "POST", headers: signed.headers, body: signed.body });
const twilioPost = (signed: SignedTwilioRequest) => new Request(signed.url, { method: "POST", headers: signed.headers, body: signed.body });

/** An email sent through the queue, and the id Resend gave it. */
async function sentEmail() {
  const practice = await sendingPractice(harness.db);
  const [row] = await queueMessages(harness.db, practice, "email", 1);
  await processQueue(harness.db, DAYTIME);
  const sent = (await reload(harness.db, [row!]))[0]!;
  expect(sent.status).toBe("sent");
  return { practice, row: sent, emailId: sent.providerMessageId! };
}

async function sentText() {
  const practice = await sendingPractice(harness.db);
  const [row] = await queueMessages(harness.db, practice, "sms", 1);
  await processQueue(harness.db, DAYTIME);
  const sent = (await reload(harness.db, [row!]))[0]!;
  expect(sent.status).toBe("sent");
  return { practice, row: sent, sid: sent.providerMessageId! };
}

describe("the Resend delivery webhook", () => {
  it("refuses an unsigned, tampered or wrongly signed delivery with 400 and changes nothing", async () => {
    const { row, emailId } = await sentEmail();
    const good = harness.fakes.resend.webhook("email.delivered", emailId, RESEND_WEBHOOK_SECRET);
    const attempts = [
      { headers: { "Content-Type": "application/json" }, body: good.body },
      { headers: good.headers, body: good.body.replace("email.delivered", "email.bounced") },
      harness.fakes.resend.webhook("email.delivered", emailId, `whsec_${Buffer.from("someone-else").toString("base64")}`),
      { headers: signResendWebhook(RESEND_WEBHOOK_SECRET, good.body, new Date(Date.now() - 60 * 60_000)), body: good.body },
    ];
    for (const attempt of attempts) {
      const res = await resendWebhook(post(attempt));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: "invalid_signature" } });
    }
    expect((await reload(harness.db, [row]))[0]!.status).toBe("sent");
  });

  it("marks an email delivered, and a replay changes nothing", async () => {
    const { row, emailId } = await sentEmail();
    const event = harness.fakes.resend.webhook("email.delivered", emailId, RESEND_WEBHOOK_SECRET);

    expect((await resendWebhook(post(event))).status).toBe(200);
    const delivered = (await reload(harness.db, [row]))[0]!;
    expect(delivered.status).toBe("delivered");
    expect(delivered.deliveredAt).toBeInstanceOf(Date);

    const replay = await resendWebhook(post(harness.fakes.resend.webhook("email.delivered", emailId, RESEND_WEBHOOK_SECRET)));
    expect(replay.status).toBe(200);
    expect((await reload(harness.db, [row]))[0]).toEqual(delivered);
  });

  it("marks a bounce with its reason", async () => {
    const { row, emailId } = await sentEmail();
    await resendWebhook(post(harness.fakes.resend.webhook("email.bounced", emailId, RESEND_WEBHOOK_SECRET)));
    const bounced = (await reload(harness.db, [row]))[0]!;
    expect(bounced.status).toBe("bounced");
    expect(bounced.error).toContain("Permanent");
  });

  it("marks a complaint after delivery and opts the address out of that practice's email", async () => {
    const { practice, row, emailId } = await sentEmail();
    await resendWebhook(post(harness.fakes.resend.webhook("email.delivered", emailId, RESEND_WEBHOOK_SECRET)));
    await resendWebhook(post(harness.fakes.resend.webhook("email.complained", emailId, RESEND_WEBHOOK_SECRET)));

    expect((await reload(harness.db, [row]))[0]!.status).toBe("complained");
    expect(await isOptedOut(harness.db, practice.tenantId, "email", row.toAddress)).toBe(true);
    const other = await sendingPractice(harness.db);
    expect(await isOptedOut(harness.db, other.tenantId, "email", row.toAddress)).toBe(false);
  });

  it("never moves a message backwards: a late delivery report after a bounce is ignored", async () => {
    const { row, emailId } = await sentEmail();
    await resendWebhook(post(harness.fakes.resend.webhook("email.bounced", emailId, RESEND_WEBHOOK_SECRET)));
    const late = await resendWebhook(post(harness.fakes.resend.webhook("email.delivered", emailId, RESEND_WEBHOOK_SECRET)));
    expect(late.status).toBe(200);
    expect((await reload(harness.db, [row]))[0]!.status).toBe("bounced");
  });

  it("answers 200 and changes nothing for an email that isn't one of our queued messages", async () => {
    const body = JSON.stringify({ type: "email.delivered", created_at: new Date().toISOString(), data: { email_id: "4ef9a417-02e9-4d39-ad75-9611e0fcc33c", to: ["x@example.com"] } });
    const res = await resendWebhook(post({ headers: signResendWebhook(RESEND_WEBHOOK_SECRET, body), body }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, ignored: true });
  });
});

describe("the Twilio status callback", () => {
  it("refuses a callback with a bad signature and changes nothing", async () => {
    const { row, sid } = await sentText();
    const signed = harness.fakes.twilio.statusCallback(sid, "delivered");
    const forged = { ...signed, body: signed.body.replace("delivered", "undelivered") };
    const unsigned = { ...signed, headers: { "Content-Type": "application/x-www-form-urlencoded" } };
    for (const req of [forged, unsigned]) {
      const res = await statusCallback(twilioPost(req));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: "invalid_signature" } });
    }
    expect((await reload(harness.db, [row]))[0]!.status).toBe("sent");
  });

  it("marks a text delivered, and a late 'sent' callback doesn't move it back", async () => {
    const { row, sid } = await sentText();
    expect((await statusCallback(twilioPost(harness.fakes.twilio.statusCallback(sid, "delivered")))).status).toBe(200);
    expect((await statusCallback(twilioPost(harness.fakes.twilio.statusCallback(sid, "sent")))).status).toBe(200);
    const after = (await reload(harness.db, [row]))[0]!;
    expect(after.status).toBe("delivered");
    expect(after.deliveredAt).toBeInstanceOf(Date);
  });

  it("marks an undelivered text failed with Twilio's error code", async () => {
    const { row, sid } = await sentText();
    await statusCallback(twilioPost(harness.fakes.twilio.statusCallback(sid, "undelivered", { errorCode: 30003 })));
    expect((await reload(harness.db, [row]))[0]).toMatchObject({ status: "failed", error: "Twilio undelivered (error 30003)" });
  });
});

describe("inbound texts", () => {
  const inboundUrl = () => rootUrl("/api/webhooks/twilio/inbound");

  it("opts a number out of every practice's texts on STOP, and back in on START", async () => {
    const from = "+15558880001";
    const stop = await inboundText(twilioPost(harness.fakes.twilio.inbound(inboundUrl(), { from, body: " Stop " })));
    expect(stop.status).toBe(200);
    expect(stop.headers.get("content-type")).toContain("text/xml");
    expect(await stop.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    expect(await harness.db.select().from(optOuts).where(and(eq(optOuts.address, from), isNull(optOuts.tenantId)))).toHaveLength(1);

    // A text queued afterwards is not sent.
    const practice = await sendingPractice(harness.db);
    const [row] = await queueMessages(harness.db, practice, "sms", 1, { to: () => from });
    await processQueue(harness.db, DAYTIME);
    expect((await reload(harness.db, [row!]))[0]!.status).toBe("canceled");

    const start = await inboundText(twilioPost(harness.fakes.twilio.inbound(inboundUrl(), { from, body: "START" })));
    expect(await start.text()).toContain("subscribed again");
    expect(await isOptedOut(harness.db, practice.tenantId, "sms", from)).toBe(false);
  });

  it("opts out on each of the carrier STOP words", async () => {
    for (const [i, word] of ["STOPALL", "unsubscribe", "CANCEL", "end", "Quit"].entries()) {
      const from = `+1555888010${i}`;
      await inboundText(twilioPost(harness.fakes.twilio.inbound(inboundUrl(), { from, body: word })));
      expect(await isOptedOut(harness.db, (await sendingPractice(harness.db)).tenantId, "sms", from)).toBe(true);
    }
  });

  it("answers HELP with how to opt out, in English and Spanish, without opting out", async () => {
    const from = "+15558880002";
    const res = await inboundText(twilioPost(harness.fakes.twilio.inbound(inboundUrl(), { from, body: "help" })));
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Message>.*Reply STOP to opt out.*Responda STOP.*<\/Message><\/Response>$/);
    expect(await harness.db.select().from(optOuts).where(eq(optOuts.address, from))).toHaveLength(0);
  });

  it("refuses an inbound text with a bad signature and opts nobody out", async () => {
    const from = "+15558880003";
    const signed = harness.fakes.twilio.inbound(inboundUrl(), { from, body: "STOP" });
    const res = await inboundText(twilioPost({ ...signed, headers: { ...signed.headers, "X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl" } }));
    expect(res.status).toBe(400);
    expect(await harness.db.select().from(optOuts).where(eq(optOuts.address, from))).toHaveLength(0);
  });
});
