import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postedRoute } from "@/app/api/v1/payments/[id]/posted/route";
import { GET as listRoute, POST as listPostRoute } from "@/app/api/v1/payments/route";
import { getDb, type Database } from "@/db/client";
import { auditLog, payments } from "@/db/schema";
import { encodeFeedCursor } from "@/lib/sync-api/feed-cursor";
import { call, insertPatient, insertPayment, json, practiceWithKey, type KeyedPractice } from "./sync-setup";

interface Page {
  data: { id: string; status: string; amountCents: number; refundedCents: number; patientExternalId: string; postedAt: string | null; card: { brand: string; last4: string }; feeCents: number; source: string; clinic: string | null }[];
  nextCursor: string;
  hasMore: boolean;
}

let db: Database;
let p: KeyedPractice;
beforeAll(async () => {
  db = await getDb();
  p = await practiceWithKey(db);
});

const list = (query = "", key = p.key) => call(listRoute, { method: "GET", path: `/api/v1/payments${query}`, key });
const post = (id: string, key = p.key) => call(postedRoute, { method: "POST", path: `/api/v1/payments/${id}/posted`, key, params: { id } });

describe("GET /api/v1/payments", () => {
  it("lists succeeded, failed and refunded payments in feed order, never pending ones, and pages with the cursor", async () => {
    const patient = await insertPatient(db, p.tenantId, "PMS-7");
    const ok = await insertPayment(db, p.tenantId, patient.id, { amountCents: 1_000 });
    await insertPayment(db, p.tenantId, patient.id, { status: "pending" });
    const failed = await insertPayment(db, p.tenantId, patient.id, { status: "failed" });
    const third = await insertPayment(db, p.tenantId, patient.id, { amountCents: 3_000 });

    const first = await list("?limit=2");
    expect(first.status).toBe(200);
    const page1 = await json<Page>(first);
    expect(page1.data.map((d) => d.id)).toEqual([ok.id, failed.id]);
    expect(page1.hasMore).toBe(true);
    expect(page1.data[0]).toMatchObject({ status: "succeeded", amountCents: 1_000, patientExternalId: "PMS-7", card: { brand: "visa", last4: "4242" }, feeCents: 103, source: "portal", postedAt: null });
    expect(page1.data[1]!.status).toBe("failed");

    const page2 = await json<Page>(await list(`?limit=2&after=${page1.nextCursor}`));
    expect(page2.data.map((d) => d.id)).toEqual([third.id]);
    expect(page2.hasMore).toBe(false);
    const empty = await json<Page>(await list(`?after=${page2.nextCursor}`));
    expect(empty).toEqual({ data: [], nextCursor: page2.nextCursor, hasMore: false });

    // A refund moves the payment to a new position carrying its new state: the feed lists changes.
    await db.update(payments).set({ status: "partially_refunded", refundedCents: 400 }).where(eq(payments.id, ok.id));
    const afterRefund = await json<Page>(await list(`?after=${page2.nextCursor}`));
    expect(afterRefund.data.map((d) => [d.id, d.status, d.refundedCents])).toEqual([[ok.id, "partially_refunded", 400]]);
  });

  it("refuses a malformed cursor or limit with 422 pointing at the parameter", async () => {
    const bad = await list("?after=garbage");
    expect(bad.status).toBe(422);
    expect((await json<{ errors: { pointer: string }[] }>(bad)).errors[0]!.pointer).toBe("/query/after");
    const limit = await list("?limit=5000");
    expect((await json<{ errors: { pointer: string }[] }>(limit)).errors[0]!.pointer).toBe("/query/limit");
    const unknown = await list("?since=1");
    expect((await json<{ errors: { pointer: string }[] }>(unknown)).errors[0]!.pointer).toBe("/query/since");
    expect((await listPostRoute()).status).toBe(405);
  });
});

describe("POST /api/v1/payments/{id}/posted", () => {
  it("marks a succeeded payment posted once, keeps the first time on a repeat, and audits it once as done through the API", async () => {
    const patient = await insertPatient(db, p.tenantId);
    const paid = await insertPayment(db, p.tenantId, patient.id);
    const first = await post(paid.id);
    expect(first.status).toBe(200);
    const { postedAt } = await json<{ postedAt: string }>(first);
    const again = await json<{ postedAt: string }>(await post(paid.id));
    expect(again.postedAt).toBe(postedAt);
    const [row] = await db.select().from(payments).where(eq(payments.id, paid.id));
    expect(row!.postedAt?.toISOString()).toBe(postedAt);
    const audits = (await db.select().from(auditLog).where(eq(auditLog.tenantId, p.tenantId))).filter((a) => a.action === "payment.posted");
    expect(audits).toHaveLength(1);
    // The practice software posted it, not someone in the office.
    expect(audits[0]).toMatchObject({ actorKind: "api", actorUserId: null });
  });

  it("answers 409 for a failed payment and 404 for an unknown or malformed id", async () => {
    const patient = await insertPatient(db, p.tenantId);
    const failed = await insertPayment(db, p.tenantId, patient.id, { status: "failed" });
    const res = await post(failed.id);
    expect([res.status, (await json(res)).code]).toEqual([409, "payment_not_postable"]);
    expect((await post("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await post("not-a-uuid")).status).toBe(404);
  });
});

describe("paging while payments are written concurrently", () => {
  it("sees every change exactly once", async () => {
    const q = await practiceWithKey(db);
    const patient = await insertPatient(db, q.tenantId);
    const start = encodeFeedCursor(0);
    const writers = 6;
    const perWriter = 15;
    const seen: string[] = [];
    let cursor = start;
    let done = false;

    // On Postgres each writer uses its own pooled connection, so transactions truly overlap; refunds of
    // earlier payments interleave with new ones.
    const writing = Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) {
          await db.transaction(async (tx) => {
            const [row] = await tx
              .insert(payments)
              .values({ tenantId: q.tenantId, patientId: patient.id, amountCents: 100 + i, status: "succeeded", idempotencyKey: `c-${w}-${i}`, processorKind: "demo", succeededAt: new Date() })
              .returning();
            if (i % 5 === 4) await tx.update(payments).set({ status: "refunded", refundedCents: 100 + i }).where(eq(payments.id, row!.id));
            // Hold the transaction open a little so readers run while it is uncommitted.
            await new Promise((r) => setTimeout(r, Math.random() * 4));
          });
          if (i % 3 === 0) {
            const [earlier] = await db.select().from(payments).where(eq(payments.idempotencyKey, `c-${w}-${i}`));
            if (earlier!.status === "succeeded") await db.update(payments).set({ status: "partially_refunded", refundedCents: 50 }).where(eq(payments.id, earlier!.id));
          }
        }
      }),
    ).then(() => {
      done = true;
    });

    const poll = async () => {
      const page = await json<Page>(await list(`?limit=7&after=${cursor}`, q.key));
      for (const d of page.data) seen.push(`${d.id}:${d.status}:${d.refundedCents}`);
      cursor = page.nextCursor;
      return page;
    };
    while (!done) {
      await poll();
      await new Promise((r) => setTimeout(r, 1));
    }
    await writing;
    while ((await poll()).hasMore);

    // Every payment's final state was seen, and no (payment, state) pair twice.
    const finals = await db.select().from(payments).where(eq(payments.tenantId, q.tenantId));
    expect(finals).toHaveLength(writers * perWriter);
    for (const f of finals) expect(seen).toContain(`${f.id}:${f.status}:${f.refundedCents}`);
    expect(new Set(seen).size).toBe(seen.length);
    // Positions only increase: a change seen later never sits before one seen earlier.
    const full = await json<Page>(await list(`?limit=1000&after=${start}`, q.key));
    const lastSeenAt = new Map(seen.map((s, i) => [s.split(":")[0]!, i]));
    expect(full.data.map((d) => d.id)).toEqual([...lastSeenAt.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id));
  });
});
