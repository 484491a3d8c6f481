import { eq } from "drizzle-orm";
import { beforeAll, afterAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { devOutbox } from "@/db/schema";
import { resendClient } from "@/lib/messaging/resend-client";
import { sendEmail } from "@/lib/messaging/send-email";
import { isStripeConfigured, stripeClient } from "@/lib/payments/stripe/client";

// With no provider keys the app must still run: mail goes to the dev outbox and Stripe is simply off.
beforeAll(() => {
  vi.stubEnv("RESEND_API_KEY", undefined);
  vi.stubEnv("STRIPE_SECRET_KEY", undefined);
  vi.stubEnv("EMAIL_FROM", "Chairside <no-reply@chairside.localhost>");
});

afterAll(() => {
  vi.unstubAllEnvs();
});

describe("without provider keys", () => {
  it("writes email to the dev_outbox table instead of calling Resend", async () => {
    expect(resendClient()).toBeNull();
    const sent = await sendEmail({ to: "pat@example.com", subject: "Your receipt", html: "<p>Paid $50.00</p>", text: "Paid $50.00" });

    expect(sent.via).toBe("outbox");
    const db = await getDb();
    const rows = await db.select().from(devOutbox).where(eq(devOutbox.id, sent.id));
    expect(rows).toEqual([
      expect.objectContaining({
        channel: "email",
        toAddress: "pat@example.com",
        fromAddress: "Chairside <no-reply@chairside.localhost>",
        subject: "Your receipt",
        html: "<p>Paid $50.00</p>",
        text: "Paid $50.00",
        tenantId: null,
      }),
    ]);
  });

  it("has no Stripe client", () => {
    expect(isStripeConfigured()).toBe(false);
    expect(stripeClient()).toBeNull();
  });
});
