import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { twilioClient } from "@/lib/messaging/providers/twilio-client";
import { startTwilioFake, type TwilioFake } from "../../fakes/twilio-fake";

// The real twilio SDK, through our client factory, against the local fake.
let fake: TwilioFake;

beforeAll(async () => {
  fake = await startTwilioFake();
});

afterAll(async () => {
  await fake?.close();
});

const client = (authToken = fake.authToken) => twilioClient({ accountSid: fake.accountSid, authToken, from: "+15005550006", apiBase: fake.url });

describe("Twilio fake with the real SDK", () => {
  it("accepts a text and answers with Twilio's message resource", async () => {
    const created = await client().messages.create({ to: "+15551230001", from: "+15005550006", body: "Hello", statusCallback: "http://localhost:3000/cb?m=1" });

    expect(created.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(created).toMatchObject({ to: "+15551230001", from: "+15005550006", body: "Hello", status: "queued", numSegments: "1", accountSid: fake.accountSid });
    expect(fake.messages.at(-1)).toMatchObject({ sid: created.sid, statusCallback: "http://localhost:3000/cb?m=1" });
  });

  it("refuses a wrong auth token, a bad number and a missing body with Twilio's error codes", async () => {
    await expect(client("wrong-token").messages.create({ to: "+15551230001", from: "+15005550006", body: "x" })).rejects.toMatchObject({ status: 401, code: 20003 });
    await expect(client().messages.create({ to: "555-0100", from: "+15005550006", body: "x" })).rejects.toMatchObject({ status: 400, code: 21211 });
    await expect(client().messages.create({ to: "+15551230001", from: "+15005550006", body: "" })).rejects.toMatchObject({ status: 400, code: 21602 });
  });

  it("fails the next sends on demand and then recovers", async () => {
    fake.failNext(1, 503);
    await expect(client().messages.create({ to: "+15551230002", from: "+15005550006", body: "x" })).rejects.toMatchObject({ status: 503 });
    await expect(client().messages.create({ to: "+15551230002", from: "+15005550006", body: "x" })).resolves.toMatchObject({ status: "queued" });
  });

  it("refuses to text a number that sent STOP, with error 21610", async () => {
    fake.inbound("http://localhost:3000/api/webhooks/twilio/inbound", { from: "+15551230003", body: "STOP" });
    await expect(client().messages.create({ to: "+15551230003", from: "+15005550006", body: "x" })).rejects.toMatchObject({ status: 400, code: 21610 });
  });

  it("signs status callbacks so twilio's validateRequest accepts them, and only for the exact URL and fields", async () => {
    const created = await client().messages.create({ to: "+15551230004", from: "+15005550006", body: "x", statusCallback: "http://localhost:3000/api/webhooks/twilio/status?m=abc" });
    const signed = fake.statusCallback(created.sid, "delivered");
    const params = Object.fromEntries(new URLSearchParams(signed.body));
    const signature = signed.headers["X-Twilio-Signature"]!;

    expect(params).toMatchObject({ MessageSid: created.sid, MessageStatus: "delivered", To: "+15551230004" });
    expect(twilio.validateRequest(fake.authToken, signature, signed.url, params)).toBe(true);
    expect(twilio.validateRequest(fake.authToken, signature, signed.url, { ...params, MessageStatus: "failed" })).toBe(false);
    expect(twilio.validateRequest(fake.authToken, signature, "http://localhost:3000/api/webhooks/twilio/status?m=other", params)).toBe(false);
  });
});
