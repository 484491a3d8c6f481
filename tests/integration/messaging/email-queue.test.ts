import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openConnection, type Database } from "@/db/client";
import { messages, tenants, type Message } from "@/db/schema";
import { optOut } from "@/lib/messaging/opt-outs";
import { defaultProviders } from "@/lib/messaging/providers/default-providers";
import type { Providers } from "@/lib/messaging/providers/provider-types";
import { claimMessages } from "@/lib/messaging/queue/claim-messages";
import { processQueue } from "@/lib/messaging/queue/process-queue";
import { LEASE_MS, MAX_ATTEMPTS } from "@/lib/messaging/queue/queue-policy";
import { readUnsubscribeToken } from "@/lib/messaging/unsubscribe-token";
import { DAYTIME, providersDyingAfterSend, queueMessages, reload, sendingPractice, setUpMessagingHarness, taggedIds } from "./queue-harness";

const harness = setUpMessagingHarness();

const later = (ms: number, from = DAYTIME) => new Date(from.getTime() + ms);

/** Runs rounds until nothing is due at `now`. */
async function drain(now: Date, database: Database = harness.db): Promise<void> {
  for (let i = 0; i < 50; i++) if ((await processQueue(database, now)) === 0) return;
  throw new Error("the queue did not drain");
}

const emailsTo = (rows: Message[]) => harness.fakes.resend.emails.filter((e) => rows.some((r) => e.to.includes(r.toAddress)));

describe("the email send queue", () => {
  it("hands queued emails to Resend as one batch with one-click unsubscribe headers and a footer link, and records Resend's ids", async () => {
    const practice = await sendingPractice(harness.db);
    const rows = await queueMessages(harness.db, practice, "email", 3);

    expect(await processQueue(harness.db, DAYTIME)).toBe(3);

    const batchCalls = harness.fakes.resend.requests.filter((r) => r.path === "/emails/batch");
    expect(batchCalls.at(-1)?.headers["idempotency-key"]).toMatch(/^batch-[0-9a-f-]{36}$/);
    const sent = emailsTo(rows);
    expect(sent).toHaveLength(3);
    for (const email of sent) {
      expect(email.batch).toBe(true);
      expect(email.from).toBe("Chairside <billing@chairside.localhost>");
      const unsubscribe = /^<(http:\/\/[^>]+\/u\/([^/>]+)\/one-click)>$/.exec(email.headers?.["List-Unsubscribe"] ?? "");
      expect(unsubscribe?.[1]).toContain(`${practice.slug}.`);
      expect(readUnsubscribeToken(unsubscribe![2]!)).toEqual({ tenantId: practice.tenantId, email: email.to[0] });
      expect(email.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(email.html).toMatch(/<a href="http:\/\/[^"]+\/u\/[^"]+">Unsubscribe<\/a>.*<\/body><\/html>$/);
      expect(email.text).toContain(`/u/${unsubscribe![2]}`);
    }
    const after = await reload(harness.db, rows);
    for (const row of after) {
      expect(row.status).toBe("sent");
      expect(row.attempts).toBe(1);
      expect(row.sentAt).toEqual(DAYTIME);
      expect(row.providerMessageId).toBe(sent.find((e) => e.to[0] === row.toAddress)!.id);
    }
  });

  it("sends a lone email with emails.send and the idempotency key msg-<id>", async () => {
    const practice = await sendingPractice(harness.db);
    const [row] = await queueMessages(harness.db, practice, "email", 1);

    await processQueue(harness.db, DAYTIME);

    const request = harness.fakes.resend.requests.find((r) => r.headers["idempotency-key"] === `msg-${row!.id}`);
    expect(request?.path).toBe("/emails");
    expect((await reload(harness.db, [row!]))[0]!.status).toBe("sent");
  });

  it("splits 250 emails into three batch calls of at most 100, each email sent once", async () => {
    const practice = await sendingPractice(harness.db, { ratePerMinute: 10_000 });
    const rows = await queueMessages(harness.db, practice, "email", 250);
    const before = harness.fakes.resend.requests.filter((r) => r.path === "/emails/batch").length;

    await drain(DAYTIME);

    const calls = harness.fakes.resend.requests.filter((r) => r.path === "/emails/batch").slice(before);
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => (c.body as unknown[]).length).sort((a, b) => a - b)).toEqual([50, 100, 100]);
    expect(emailsTo(rows)).toHaveLength(250);
    expect((await reload(harness.db, rows)).every((r) => r.status === "sent")).toBe(true);
  });

  it("retries after a Resend 5xx with exponential backoff, then sends", async () => {
    const practice = await sendingPractice(harness.db);
    const [row] = await queueMessages(harness.db, practice, "email", 1);

    harness.fakes.resend.failNext(2, 503);
    await processQueue(harness.db, DAYTIME);
    const first = (await reload(harness.db, [row!]))[0]!;
    expect(first).toMatchObject({ status: "queued", attempts: 1, claimId: null });
    expect(first.error).toContain("Simulated failure (503)");
    const delay1 = first.nextAttemptAt.getTime() - DAYTIME.getTime();
    expect(delay1).toBeGreaterThanOrEqual(48_000);
    expect(delay1).toBeLessThanOrEqual(72_000);

    // Not due yet: nothing happens before the backoff ends.
    expect(await processQueue(harness.db, later(10_000))).toBe(0);

    await processQueue(harness.db, first.nextAttemptAt);
    const second = (await reload(harness.db, [row!]))[0]!;
    expect(second).toMatchObject({ status: "queued", attempts: 2 });
    const delay2 = second.nextAttemptAt.getTime() - first.nextAttemptAt.getTime();
    expect(delay2).toBeGreaterThanOrEqual(96_000);
    expect(delay2).toBeLessThanOrEqual(144_000);

    await processQueue(harness.db, second.nextAttemptAt);
    const third = (await reload(harness.db, [row!]))[0]!;
    expect(third).toMatchObject({ status: "sent", attempts: 3, error: null });
    expect(emailsTo([row!])).toHaveLength(1);
  });

  it(`marks an email failed with the reason after ${MAX_ATTEMPTS} refused attempts`, async () => {
    const practice = await sendingPractice(harness.db);
    const [row] = await queueMessages(harness.db, practice, "email", 1);
    let now = DAYTIME;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      harness.fakes.resend.failNext(1, 500);
      await processQueue(harness.db, now);
      const current = (await reload(harness.db, [row!]))[0]!;
      if (attempt < MAX_ATTEMPTS) {
        expect(current).toMatchObject({ status: "queued", attempts: attempt });
        now = current.nextAttemptAt;
      } else {
        expect(current.status).toBe("failed");
        expect(current.error).toMatch(new RegExp(`^gave up after ${MAX_ATTEMPTS} attempts: internal_server_error`));
      }
    }
    expect(await processQueue(harness.db, later(86_400_000))).toBe(0);
    expect(emailsTo([row!])).toHaveLength(0);
  });

  it("fails a permanently refused email without retrying", async () => {
    const practice = await sendingPractice(harness.db);
    const [row] = await queueMessages(harness.db, practice, "email", 1, { to: () => "not-an-address" });

    await processQueue(harness.db, DAYTIME);

    const after = (await reload(harness.db, [row!]))[0]!;
    expect(after.status).toBe("failed");
    expect(after.error).toContain("validation_error");
  });

  it("sends the rest of a batch that Resend refused because of one bad address, and fails only that one", async () => {
    const practice = await sendingPractice(harness.db);
    const rows = await queueMessages(harness.db, practice, "email", 4, { to: (i) => (i === 2 ? "broken@" : `batchmate${i}.${Date.now()}@example.com`) });

    await processQueue(harness.db, DAYTIME);

    const after = await reload(harness.db, rows);
    expect(after.map((r) => r.status).sort()).toEqual(["failed", "sent", "sent", "sent"]);
    expect(after.find((r) => r.toAddress === "broken@")!.status).toBe("failed");
    expect(emailsTo(rows.filter((r) => r.toAddress !== "broken@"))).toHaveLength(3);
  });

  it("re-sends a batch whose worker died after Resend accepted it with the same idempotency key, and the patient gets one email", async () => {
    const practice = await sendingPractice(harness.db);
    const rows = await queueMessages(harness.db, practice, "email", 5);
    // The worker process dies right after Resend answered, before it could record anything.
    await processQueue(harness.db, DAYTIME, { providers: providersDyingAfterSend(harness.db) });
    const stuck = await reload(harness.db, rows);
    expect(stuck.every((r) => r.status === "sending")).toBe(true);
    expect(emailsTo(rows)).toHaveLength(5);

    // Before the lease runs out nobody touches it; after, another worker takes the whole group over.
    expect(await processQueue(harness.db, later(LEASE_MS - 1000))).toBe(0);
    expect(await processQueue(harness.db, later(LEASE_MS + 1000))).toBe(5);

    const keys = harness.fakes.resend.requests.filter((r) => r.path === "/emails/batch" && r.headers["idempotency-key"] === `batch-${stuck[0]!.claimId}`);
    expect(keys).toHaveLength(2);
    expect(keys.every((k) => k.status === 200)).toBe(true);
    expect(emailsTo(rows)).toHaveLength(5);
    const after = await reload(harness.db, rows);
    expect(after.every((r) => r.status === "sent" && r.attempts === 2)).toBe(true);
    expect(new Set(after.map((r) => r.providerMessageId)).size).toBe(5);
  });

  it("replays the whole batch after a crash even when a delivery webhook already moved one of its emails on", async () => {
    const practice = await sendingPractice(harness.db);
    const rows = await queueMessages(harness.db, practice, "email", 3);
    // Resend's webhook for the first email lands before the worker dies.
    const dying = providersDyingAfterSend(harness.db, async (emails, outcome) => {
      if (outcome.ok) await harness.db.update(messages).set({ status: "delivered", providerMessageId: outcome.providerIds[0] }).where(eq(messages.id, emails[0]!.messageId));
    });
    await processQueue(harness.db, DAYTIME, { providers: dying });

    await processQueue(harness.db, later(LEASE_MS + 1000));

    const after = await reload(harness.db, rows);
    expect(after.map((r) => r.status).sort()).toEqual(["delivered", "sent", "sent"]);
    expect(emailsTo(rows)).toHaveLength(3);
    expect(harness.fakes.resend.requests.filter((r) => r.headers["idempotency-key"] === `batch-${after[0]!.claimId}`).map((r) => r.status)).toEqual([200, 200]);
  });

  it("counts a batch as sent when Resend says its key was already used for a request, instead of sending it again", async () => {
    const practice = await sendingPractice(harness.db);
    const rows = await queueMessages(harness.db, practice, "email", 2);
    await processQueue(harness.db, DAYTIME, { providers: providersDyingAfterSend(harness.db) });
    // The practice changes its address meanwhile, so the unsubscribe links (and the request) differ on replay.
    await harness.db.update(tenants).set({ slug: `${practice.slug}-new` }).where(eq(tenants.id, practice.tenantId));

    await processQueue(harness.db, later(LEASE_MS + 1000));

    const after = await reload(harness.db, rows);
    expect(after.every((r) => r.status === "sent")).toBe(true);
    expect(emailsTo(rows)).toHaveLength(2);
    expect(harness.fakes.resend.requests.filter((r) => r.headers["idempotency-key"] === `batch-${after[0]!.claimId}`).map((r) => r.status)).toEqual([200, 409]);
  });

  it("sends a batch whose worker died between claiming and sending once the lease runs out", async () => {
    const practice = await sendingPractice(harness.db);
    const rows = await queueMessages(harness.db, practice, "email", 3);
    await claimMessages(harness.db, DAYTIME);

    await processQueue(harness.db, later(LEASE_MS + 1000));

    expect(emailsTo(rows)).toHaveLength(3);
    expect((await reload(harness.db, rows)).every((r) => r.status === "sent")).toBe(true);
  });

  it("replays the same batch when Resend gave no answer, so it is not sent twice", async () => {
    const practice = await sendingPractice(harness.db);
    const rows = await queueMessages(harness.db, practice, "email", 2);
    const real = defaultProviders(harness.db);
    const lostAnswer: Providers = {
      ...real,
      email: {
        ...real.email,
        async sendBatch(emails, key) {
          await real.email.sendBatch(emails, key);
          return { ok: false, kind: "unknown", code: "application_error", message: "Unable to fetch data. The request could not be resolved." };
        },
      },
    };
    await processQueue(harness.db, DAYTIME, { providers: lostAnswer });
    const waiting = await reload(harness.db, rows);
    expect(waiting.every((r) => r.status === "sending" && r.claimId === waiting[0]!.claimId)).toBe(true);

    await processQueue(harness.db, waiting[0]!.lockedUntil!);
    expect((await reload(harness.db, rows)).every((r) => r.status === "sent")).toBe(true);
    expect(emailsTo(rows)).toHaveLength(2);
  });

  it("never sends one email twice when two workers on separate connections drain the queue at once", async () => {
    const practice = await sendingPractice(harness.db, { ratePerMinute: 10_000 });
    const rows = await queueMessages(harness.db, practice, "email", 300);
    // Postgres: a second pool is a second worker process as far as the database can tell. PGlite has one connection.
    const second = process.env.DATABASE_URL ? await openConnection({ kind: "node-postgres", url: process.env.DATABASE_URL }) : null;
    try {
      const workers = [harness.db, second?.db ?? harness.db];
      const claimed = await Promise.all(
        workers.map(async (w) => {
          let n = 0;
          for (let i = 0; i < 10; i++) n += await processQueue(w, DAYTIME, { limit: 120 });
          return n;
        }),
      );
      // Both took part, and between them claimed each message exactly once.
      expect(claimed.every((n) => n > 0)).toBe(true);
      expect(claimed[0]! + claimed[1]!).toBe(300);
    } finally {
      await second?.close();
    }
    const ids = taggedIds(harness.fakes.resend).filter((id) => rows.some((r) => r.id === id));
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    expect((await reload(harness.db, rows)).every((r) => r.status === "sent")).toBe(true);
  });

  it("holds back a practice's emails over its per-minute send rate until the next minute", async () => {
    const practice = await sendingPractice(harness.db, { ratePerMinute: 5 });
    const rows = await queueMessages(harness.db, practice, "email", 8);

    await processQueue(harness.db, DAYTIME);

    const after = await reload(harness.db, rows);
    expect(after.filter((r) => r.status === "sent")).toHaveLength(5);
    const deferred = after.filter((r) => r.status === "queued");
    expect(deferred).toHaveLength(3);
    for (const r of deferred) {
      expect(r.attempts).toBe(0);
      expect(r.nextAttemptAt.getTime()).toBeGreaterThan(DAYTIME.getTime());
      // Back once the minute of the first sends is over.
      expect(r.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(later(60_000).getTime());
      expect(r.nextAttemptAt.getTime()).toBeLessThanOrEqual(later(65_000).getTime());
    }
    // Still within the minute: nothing more goes out.
    await processQueue(harness.db, later(59_000));
    expect((await reload(harness.db, rows)).filter((r) => r.status === "sent")).toHaveLength(5);
    await processQueue(harness.db, later(66_000));
    expect((await reload(harness.db, rows)).filter((r) => r.status === "sent")).toHaveLength(8);
  });

  it("cancels an email to an address that unsubscribed from the practice after it was queued", async () => {
    const practice = await sendingPractice(harness.db);
    const other = await sendingPractice(harness.db);
    const to = `unsubscribed.${Date.now()}@example.com`;
    const [mine] = await queueMessages(harness.db, practice, "email", 1, { to: () => to });
    const [theirs] = await queueMessages(harness.db, other, "email", 1, { to: () => to });
    await optOut(harness.db, { tenantId: practice.tenantId, channel: "email", address: to.toUpperCase(), source: "test" });

    await drain(DAYTIME);

    expect((await reload(harness.db, [mine!]))[0]).toMatchObject({ status: "canceled", error: "opted out" });
    // Email opt-outs are per practice: the other practice may still write.
    expect((await reload(harness.db, [theirs!]))[0]!.status).toBe("sent");
    expect(harness.fakes.resend.emails.filter((e) => e.to.includes(to))).toHaveLength(1);
  });

  it("holds back messages of a practice that can't take payments", async () => {
    const practice = await sendingPractice(harness.db);
    const [row] = await queueMessages(harness.db, practice, "email", 1);
    await harness.db.update(tenants).set({ status: "suspended" }).where(eq(tenants.id, practice.tenantId));

    await processQueue(harness.db, DAYTIME);

    const after = (await reload(harness.db, [row!]))[0]!;
    expect(after).toMatchObject({ status: "queued", attempts: 0 });
    expect(after.nextAttemptAt.getTime()).toBeGreaterThan(DAYTIME.getTime());
    expect(emailsTo([row!])).toHaveLength(0);
    await harness.db.update(messages).set({ status: "canceled" }).where(eq(messages.id, row!.id));
  });
});
