import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resendClient } from "@/lib/messaging/resend-client";
import { EmailSendError, sendEmail } from "@/lib/messaging/send-email";
import { startResendFake, type ResendFake } from "../../fakes/resend-fake";

// Our real send path (resendClient → the resend SDK) against the local fake.
let fake: ResendFake;

beforeAll(async () => {
  fake = await startResendFake();
  // env() caches its first read, so these must be set before anything sends mail.
  vi.stubEnv("RESEND_API_KEY", "re_test_fake");
  vi.stubEnv("RESEND_BASE_URL", fake.url);
  vi.stubEnv("EMAIL_FROM", "Chairside <no-reply@chairside.localhost>");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake?.close();
});

const message = { to: "pat@example.com", subject: "Your balance at Demo Dental", html: "<p>You owe $125.00</p>", text: "You owe $125.00" };

describe("Resend fake with the real SDK", () => {
  it("records a sent email with its from, to, subject, html and text", async () => {
    const sent = await sendEmail({ ...message, headers: { "X-Entity-Ref-ID": "msg_1" } });

    expect(sent.via).toBe("resend");
    const recorded = fake.emails.find((e) => e.id === sent.id);
    expect(recorded).toMatchObject({
      from: "Chairside <no-reply@chairside.localhost>",
      to: ["pat@example.com"],
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers: { "X-Entity-Ref-ID": "msg_1" },
      batch: false,
    });
    expect(fake.requests.at(-1)?.headers.authorization).toBe("Bearer re_test_fake");
  });

  it("passes the idempotency key through, so a retried send is delivered once", async () => {
    const first = await sendEmail({ ...message, idempotencyKey: "reminder-42" });
    const retry = await sendEmail({ ...message, idempotencyKey: "reminder-42" });

    expect(retry.id).toBe(first.id);
    expect(fake.emails.filter((e) => e.idempotencyKey === "reminder-42")).toHaveLength(1);
    expect(fake.requests.filter((r) => r.headers["idempotency-key"] === "reminder-42")).toHaveLength(2);
  });

  it("refuses to reuse an idempotency key for a different message", async () => {
    await sendEmail({ ...message, idempotencyKey: "reminder-43" });

    await expect(sendEmail({ ...message, subject: "Something else", idempotencyKey: "reminder-43" })).rejects.toMatchObject({
      name: "EmailSendError",
      code: "invalid_idempotent_request",
    });
  });

  it("surfaces a failure from Resend as EmailSendError and recovers on the next send", async () => {
    fake.failNext(1, 500);
    const failed = sendEmail(message);

    await expect(failed).rejects.toBeInstanceOf(EmailSendError);
    await expect(failed).rejects.toMatchObject({ code: "internal_server_error" });
    expect(fake.requests.at(-1)?.status).toBe(500);
    expect((await sendEmail(message)).via).toBe("resend");
  });

  it("refuses an email with an invalid recipient with a 422 validation error", async () => {
    const before = fake.emails.length;

    await expect(sendEmail({ ...message, to: "not-an-address" })).rejects.toMatchObject({ code: "validation_error" });
    expect(fake.requests.at(-1)?.status).toBe(422);
    expect(fake.emails).toHaveLength(before);
  });

  it("sends a batch and refuses one with more than 100 emails", async () => {
    const resend = resendClient()!;
    const batch = [1, 2].map((n) => ({ from: "Chairside <no-reply@chairside.localhost>", to: `patient${n}@example.com`, subject: `Statement ${n}`, text: "Hi" }));

    const { data, error } = await resend.batch.send(batch);
    expect(error).toBeNull();
    expect(data?.data.map((d) => fake.emails.find((e) => e.id === d.id)?.to)).toEqual([["patient1@example.com"], ["patient2@example.com"]]);

    const tooMany = await resend.batch.send(Array.from({ length: 101 }, () => batch[0]!));
    expect(tooMany.error).toMatchObject({ statusCode: 422, name: "validation_error" });
  });

  it("answers 422 for a missing subject and 401 without an API key", async () => {
    const post = (headers: Record<string, string>, body: object) =>
      fetch(`${fake.url}/emails`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });

    const missing = await post({ Authorization: "Bearer re_test_fake" }, { from: "a@example.com", to: "b@example.com", text: "x" });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ statusCode: 422, name: "missing_required_field" });
    const anonymous = await post({}, { from: "a@example.com", to: "b@example.com", subject: "s", text: "x" });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ statusCode: 401, name: "missing_api_key" });
  });
});
