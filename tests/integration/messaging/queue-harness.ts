// Shared set-up for the send queue's tests: the Resend and Twilio fakes (the real SDKs talk to them), a practice
// that can take payments, and queued messages as Message-to-Pay inserts them.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { getDb, type Database } from "@/db/client";
import { clinics, messages, messagingSettings, tenants, type Message } from "@/db/schema";
import { defaultProviders } from "@/lib/messaging/providers/default-providers";
import type { BatchOutcome, OutgoingEmail, Providers } from "@/lib/messaging/providers/provider-types";
import { startResendFake, type ResendFake } from "../../fakes/resend-fake";
import { startTwilioFake, type TwilioFake } from "../../fakes/twilio-fake";
import { livePractice } from "../payments/payment-harness";

export const RESEND_WEBHOOK_SECRET = `whsec_${Buffer.from("queue-tests-resend-webhook-secret").toString("base64")}`;
export const TWILIO_FROM = "+15005550006";

export interface MessagingFakes {
  resend: ResendFake;
  twilio: TwilioFake;
  close(): Promise<void>;
}

const ENV = ["RESEND_API_KEY", "RESEND_BASE_URL", "RESEND_WEBHOOK_SECRET", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM", "TWILIO_API_BASE", "EMAIL_FROM"];

/** Starts both fakes and points the environment at them. env() caches its first read: call this before getDb(). */
export async function startMessagingFakes(): Promise<MessagingFakes> {
  const resend = await startResendFake();
  const twilio = await startTwilioFake();
  Object.assign(process.env, {
    RESEND_API_KEY: "re_test_queue",
    RESEND_BASE_URL: resend.url,
    RESEND_WEBHOOK_SECRET,
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_FROM,
    TWILIO_API_BASE: twilio.url,
    EMAIL_FROM: "Chairside <billing@chairside.localhost>",
    // Unsubscribe links are signed with it; on Postgres there is no generated fallback.
    AUTH_SECRET: process.env.AUTH_SECRET ?? "queue-tests-auth-secret-0123456789",
  });
  return {
    resend,
    twilio,
    async close() {
      await resend.close();
      await twilio.close();
      for (const name of ENV) delete process.env[name];
    },
  };
}

/** 16:00 UTC: 10:00 in Chicago (the practices' time zone, CST = UTC-6), inside sending hours. */
export const DAYTIME = new Date("2026-11-27T16:00:00Z");

export interface MessagingHarness {
  readonly db: Database;
  readonly fakes: MessagingFakes;
}

/**
 * Call once at the top of a test file: starts the fakes before the file's tests (and before its database opens,
 * so env() sees them) and stops them after. Read `db` and `fakes` inside tests, once the hooks have run.
 */
export function setUpMessagingHarness(): MessagingHarness {
  const harness = {} as { db: Database; fakes: MessagingFakes };
  beforeAll(async () => {
    harness.fakes = await startMessagingFakes();
    harness.db = await getDb();
  });
  afterAll(async () => {
    await harness.fakes?.close();
  });
  return harness;
}

/**
 * The configured providers (the fakes), except that the worker "dies" (throws) right after a provider accepted
 * what it was handed and before anything was recorded: the worst moment for a crash. `onEmailsAccepted` runs
 * just before the throw, e.g. to land a delivery webhook first.
 */
export function providersDyingAfterSend(db: Database, onEmailsAccepted?: (emails: OutgoingEmail[], outcome: BatchOutcome) => Promise<void>): Providers {
  const real = defaultProviders(db);
  return {
    ...real,
    email: {
      ...real.email,
      async sendBatch(emails, key) {
        const outcome = await real.email.sendBatch(emails, key);
        await onEmailsAccepted?.(emails, outcome);
        throw new Error("worker killed");
      },
    },
    sms: {
      ...real.sms,
      async send(text) {
        await real.sms.send(text);
        throw new Error("worker killed");
      },
    },
  };
}

/** A live practice (key claimed, demo processor) with its time zone, send rate and first clinic's text budget set. */
export async function sendingPractice(db: Database, opts: { timeZone?: string; ratePerMinute?: number; textBudget?: number | null } = {}) {
  const { tenant } = await livePractice(db, "demo");
  await db.update(tenants).set({ timeZone: opts.timeZone ?? "America/Chicago" }).where(eq(tenants.id, tenant.id));
  if (opts.ratePerMinute !== undefined) await db.insert(messagingSettings).values({ tenantId: tenant.id, sendRatePerMinute: opts.ratePerMinute });
  const clinicId = tenant.clinics[0]!.id;
  if (opts.textBudget !== undefined) await db.update(clinics).set({ smsMonthlyBudget: opts.textBudget }).where(eq(clinics.id, clinicId));
  return { tenantId: tenant.id, slug: tenant.slug, clinicId };
}

let counter = 0;

/** Inserts queued messages as Message-to-Pay does (rendered, addresses normalised), due at `at`. */
export async function queueMessages(
  db: Database,
  practice: { tenantId: string; clinicId: string },
  channel: "email" | "sms",
  count: number,
  opts: { to?: (i: number) => string; at?: Date; segments?: number } = {},
): Promise<Message[]> {
  const rows = Array.from({ length: count }, (_, i) => {
    counter += 1;
    const n = counter;
    return {
      tenantId: practice.tenantId,
      clinicId: practice.clinicId,
      channel,
      toAddress: opts.to?.(i) ?? (channel === "email" ? `patient${n}@example.com` : `+1555${String(2000000 + n).slice(-7)}`),
      subject: channel === "email" ? "Your balance at Bright Smiles Dental" : null,
      body: channel === "email" ? `You owe $245.50. Pay here: https://example.test/m/${n}` : `Bright Smiles Dental: you owe $245.50. Pay: https://example.test/m/${n}`,
      html: channel === "email" ? `<html><body><p>You owe $245.50.</p></body></html>` : null,
      segments: channel === "sms" ? (opts.segments ?? 1) : 0,
      nextAttemptAt: opts.at ?? new Date(0),
    };
  });
  const out: Message[] = [];
  for (let i = 0; i < rows.length; i += 500) out.push(...(await db.insert(messages).values(rows.slice(i, i + 500)).returning()));
  return out;
}

/** The current row of each message, in the given order. */
export async function reload(db: Database, rows: { id: string }[]): Promise<Message[]> {
  const all = await db.select().from(messages);
  return rows.map((r) => all.find((m) => m.id === r.id)!);
}

/** The message id each email the Resend fake accepted was tagged with. */
export function taggedIds(resend: ResendFake): string[] {
  return resend.emails.map((e) => e.tags?.find((t) => t.name === "message_id")?.value ?? "");
}
