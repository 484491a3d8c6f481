import { eq } from "drizzle-orm";
import { Resend } from "resend";
import { openConnection, type Database } from "@/db/client";
import { messages, messagingSettings, patients, processorAccounts } from "@/db/schema";
import { sendBatch } from "@/lib/message-to-pay/send-batch";
import { resendEmailProvider } from "@/lib/messaging/providers/resend-batch";
import type { Providers } from "@/lib/messaging/providers/provider-types";
import { processQueue } from "@/lib/messaging/queue/process-queue";
import { nameKey } from "@/lib/patients/name-key";
import { startProcessorOnboarding } from "@/lib/payments";
import { claimKey } from "@/lib/registration-keys/claim-key";
import { issueKeys } from "@/lib/registration-keys/issue-keys";
import { startResendFake } from "../../fakes/resend-fake";
import { makePractice } from "../../support/factories";
import { perSec, ratio } from "../report-table";
import type { Scenario } from "../scenario";

// A 10,000-patient bulk email against the Resend fake: seconds from "Send" (Message-to-Pay's sendBatch: requests
// and rendered messages queued) until the send queue has handed every message to Resend, and messages/s. The
// baseline is the same send to 100 patients. The queue and the fake run in this process on their own in-memory
// database (the app's embedded one can't be opened twice), with one worker looping as the in-process runner does.

const SIZES = { baseline: 100, bulk: 10_000 } as const;

interface SendFigures {
  patients: number;
  queued: number;
  handedOver: number;
  batchCalls: number;
  queueMs: number;
  totalMs: number;
}

async function livePracticeWith(db: Database, count: number): Promise<string> {
  const { tenant, owner } = await makePractice(db, { name: "Bench Dental" });
  const [key] = await issueKeys(db, { count: 1, supportUntil: new Date(Date.now() + 365 * 86_400_000) });
  const claimed = await claimKey(db, { tenantId: tenant.id, rawKey: key!.key, actorUserId: owner.id });
  if (!claimed.ok) throw new Error(claimed.message);
  const started = await startProcessorOnboarding(db, { tenantId: tenant.id, actorUserId: owner.id }, "demo");
  if (!started.ok) throw new Error(started.message);
  const [account] = await db.select().from(processorAccounts).where(eq(processorAccounts.tenantId, tenant.id));
  if (!account?.chargesEnabled) throw new Error("the demo processor is not taking charges");
  // The default 600/min would make this a measure of the limit, not of the pipeline.
  await db.insert(messagingSettings).values({ tenantId: tenant.id, sendRatePerMinute: 1_000_000 });
  const rows = Array.from({ length: count }, (_, i) => ({
    tenantId: tenant.id,
    externalId: `bench-${i}`,
    firstName: "Pat",
    lastName: `Bench${i}`,
    firstNameKey: nameKey("Pat"),
    lastNameKey: nameKey(`Bench${i}`),
    birthdate: "1980-01-01",
    email: `pat.bench${i}@example.com`,
    balanceCents: 5_000 + (i % 100) * 37,
    balanceAsOf: new Date(Date.now() - 86_400_000),
  }));
  for (let i = 0; i < rows.length; i += 1000) await db.insert(patients).values(rows.slice(i, i + 1000));
  return tenant.id;
}

async function measure(db: Database, providers: Providers, count: number, batchCalls: () => number): Promise<SendFigures> {
  const tenantId = await livePracticeWith(db, count);
  const callsBefore = batchCalls();
  const began = performance.now();
  const sent = await sendBatch(db, { tenantId, userId: null, filters: { minBalance: "1" }, channels: ["email"] });
  const queuedAt = performance.now();
  let handedOver = 0;
  // One worker, draining as lib/jobs/run-workers.ts does: another round at once while rounds find work.
  for (let handled = -1; handled !== 0; ) {
    handled = await processQueue(db, new Date(), { providers });
    handedOver += handled;
  }
  const totalMs = performance.now() - began;
  const notSent = (await db.select({ status: messages.status, error: messages.error }).from(messages).where(eq(messages.tenantId, tenantId))).filter((m) => m.status !== "sent");
  if (notSent.length > 0) {
    const why = [...new Set(notSent.map((m) => `${m.status}${m.error ? `: ${m.error}` : ""}`))].slice(0, 3).join("; ");
    throw new Error(`${notSent.length} messages were not sent (${why})`);
  }
  return { patients: count, queued: sent.messages, handedOver, batchCalls: batchCalls() - callsBefore, queueMs: queuedAt - began, totalMs };
}

export const messageSend: Scenario = {
  name: "message-send",
  title: `Bulk Message-to-Pay email: ${SIZES.bulk.toLocaleString("en-US")} patients to the Resend fake`,
  async run({ log }) {
    process.env.AUTH_SECRET ??= "bench-message-send-secret-0123456789";
    const fake = await startResendFake();
    const conn = await openConnection({ kind: "pglite", dir: "memory://" });
    try {
      const providers: Providers = {
        email: resendEmailProvider(new Resend("re_bench", { baseUrl: fake.url }), "Chairside <billing@chairside.localhost>"),
        sms: { name: "outbox", send: () => Promise.reject(new Error("no texts in this scenario")) },
      };
      const batchCalls = () => fake.requests.filter((r) => r.path === "/emails/batch").length;
      log(`message-send: baseline, ${SIZES.baseline} patients`);
      const base = await measure(conn.db, providers, SIZES.baseline, batchCalls);
      log(`message-send: ${SIZES.bulk} patients`);
      const bulk = await measure(conn.db, providers, SIZES.bulk, batchCalls);
      if (fake.emails.length !== base.queued + bulk.queued) throw new Error(`the fake holds ${fake.emails.length} emails, expected ${base.queued + bulk.queued}`);
      const rate = (f: SendFigures) => f.handedOver / (f.totalMs / 1000);
      const row = (label: string, f: SendFigures) => [
        label,
        String(f.queued),
        String(f.batchCalls),
        (f.queueMs / 1000).toFixed(2),
        (f.totalMs / 1000).toFixed(2),
        perSec(rate(f)),
        perSec(f.handedOver / ((f.totalMs - f.queueMs) / 1000)),
        ratio(rate(f), rate(base)),
      ];
      return {
        table: {
          columns: ["send", "messages", "batch calls", "queued (s)", "Send → all handed to Resend (s)", "messages/s", "queue drain msg/s", "msg/s vs baseline"],
          rows: [row(`${SIZES.baseline} patients (baseline)`, base), row(`${SIZES.bulk.toLocaleString("en-US")} patients`, bulk)],
        },
        notes: [
          "Clock starts when sendBatch (the bulk Send action's work) is called and stops when the last message is recorded as handed to Resend.",
          "In-process: embedded in-memory database, one worker, the real resend SDK against the local fake (no network latency); the practice's send rate is raised so it doesn't cap the figure.",
          `Each email went out exactly once: the fake recorded ${fake.emails.length} emails for ${base.queued + bulk.queued} queued messages.`,
        ],
      };
    } finally {
      await conn.close();
      await fake.close();
    }
  },
};
