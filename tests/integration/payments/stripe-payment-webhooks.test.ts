import { eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as connectWebhook } from "@/app/api/webhooks/stripe/connect/route";
import { getDb, type Database } from "@/db/client";
import { processorEvents } from "@/db/schema";
import { confirmPaymentOnReturn } from "@/lib/payments/confirm-payment";
import { startPatientPayment } from "@/lib/payments/start-payment";
import { stripeClient } from "@/lib/payments/stripe/client";
import { CONNECT_SECRET, livePractice, paymentRow, payingPatient, payOnStripeCheckout, startPaymentFakes, type Fakes, type LivePractice } from "./payment-harness";
import { connectEvent as signedEvent, nowSeconds, webhookRequest } from "./webhook-harness";

/** A Stripe-shaped event on a connected account, for any object shape (the harness types only the id). */
function connectEvent<T extends { id: string }>(type: string, object: T, opts: { account: string; created: number }): Stripe.Event {
  return signedEvent(type, object, opts);
}

// Payment events arriving at our real Connect route: once, in any order, any number of times, and
// only ever for the practice whose connected account they happened on.

let fakes: Fakes;
let db: Database;

beforeAll(async () => {
  fakes = await startPaymentFakes();
  db = await getDb();
});

afterAll(async () => {
  await fakes?.close();
});

function receiptRequests(paymentId: string) {
  return fakes.resend.requests.filter((r) => r.method === "POST" && r.path === "/emails" && r.headers["idempotency-key"] === `receipt:${paymentId}`);
}

async function eventRows(eventId: string) {
  return db.select().from(processorEvents).where(eq(processorEvents.eventId, eventId));
}

async function quietly<T>(fn: () => Promise<T>, method: "warn" | "error" = "warn"): Promise<T> {
  const spy = vi.spyOn(console, method).mockImplementation(() => {});
  try {
    return await fn();
  } finally {
    spy.mockRestore();
  }
}

/** A pending payment of a new patient of `practice`, with its Checkout page. */
async function pendingPayment(practice: LivePractice, amountCents = 10_000) {
  const { session } = await payingPatient(db, practice.tenant);
  const started = await startPatientPayment(db, { tenant: practice.tenant, session, amountCents, source: "portal" });
  if (!started.ok) throw new Error(started.code);
  return paymentRow(db, started.paymentId);
}

/** Pays the payment's Checkout page while our endpoint is down, so its events wait to be delivered by the test. */
async function paidWithoutWebhooks(practice: LivePractice, amountCents = 10_000) {
  const payment = await pendingPayment(practice, amountCents);
  fakes.connectEndpoint.down = true;
  try {
    await quietly(() => payOnStripeCheckout(payment.checkoutUrl!, "4242424242424242"));
  } finally {
    fakes.connectEndpoint.down = false;
  }
  const completed = fakes.stripe.state.events.find((e) => e.type === "checkout.session.completed" && (e.data.object as Stripe.Checkout.Session).id === payment.processorSessionId)!;
  return { payment, completed };
}

function deliver(event: Stripe.Event) {
  return connectWebhook(webhookRequest(JSON.stringify(event), CONNECT_SECRET));
}

describe("payment webhooks", () => {
  it("applies exactly one of 50 concurrent deliveries of checkout.session.completed", async () => {
    const practice = await livePractice(db, "stripe");
    const { payment, completed } = await paidWithoutWebhooks(practice);
    const payload = JSON.stringify(completed);

    const responses = await Promise.all(Array.from({ length: 50 }, () => connectWebhook(webhookRequest(payload, CONNECT_SECRET))));

    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(bodies.filter((b) => !b.duplicate)).toEqual([{ received: true }]);
    expect(await eventRows(completed.id)).toEqual([expect.objectContaining({ tenantId: practice.tenant.id, type: "checkout.session.completed" })]);
    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "succeeded", cardLast4: "4242", receiptNumber: `CS-${String(payment.seq).padStart(8, "0")}` });
    expect(receiptRequests(payment.id)).toHaveLength(1);
  });

  it("records one success and sends one receipt when distinct events and result-page confirmations race", async () => {
    const practice = await livePractice(db, "stripe");
    const { payment, completed } = await paidWithoutWebhooks(practice);
    const session = completed.data.object as Stripe.Checkout.Session;
    const events = Array.from({ length: 25 }, () => connectEvent("checkout.session.completed", session, { account: practice.accountId, created: nowSeconds() }));

    const outcomes = await Promise.all([...events.map((e) => deliver(e)), ...Array.from({ length: 25 }, () => confirmPaymentOnReturn(db, practice.tenant.id, payment.id))]);

    expect(outcomes.slice(0, 25).map((r) => (r as Response).status)).toEqual(Array(25).fill(200));
    const after = await paymentRow(db, payment.id);
    expect(after).toMatchObject({ status: "succeeded", cardLast4: "4242" });
    expect(after.receiptSentAt).toBeInstanceOf(Date);
    expect(receiptRequests(payment.id)).toHaveLength(1);
  });

  it("treats a replayed checkout.session.completed as a duplicate and changes nothing", async () => {
    const practice = await livePractice(db, "stripe");
    const { payment, completed } = await paidWithoutWebhooks(practice);
    expect((await fakes.stripe.redeliver(completed.id)).status).toBe(200);
    const first = await paymentRow(db, payment.id);

    const replay = await fakes.stripe.redeliver(completed.id);

    expect(replay.status).toBe(200);
    expect(JSON.parse(replay.body)).toEqual({ received: true, duplicate: true });
    expect(await paymentRow(db, payment.id)).toEqual(first);
    expect(await eventRows(completed.id)).toHaveLength(1);
    expect(receiptRequests(payment.id)).toHaveLength(1);
  });

  it("syncs a refund that arrives before checkout.session.completed, and keeps it when the completion and an older refund event follow", async () => {
    const practice = await livePractice(db, "stripe");
    const { payment, completed } = await paidWithoutWebhooks(practice);
    const intentId = fakes.stripe.state.sessions.get(payment.processorSessionId!)!.payment_intent as string;
    fakes.connectEndpoint.down = true;
    try {
      await quietly(() => stripeClient()!.refunds.create({ payment_intent: intentId, amount: 2_000 }, { stripeAccount: practice.accountId }));
    } finally {
      fakes.connectEndpoint.down = false;
    }
    const refunded = fakes.stripe.state.events.find((e) => e.type === "charge.refunded" && (e.data.object as Stripe.Charge).payment_intent === intentId)!;

    expect((await fakes.stripe.redeliver(refunded.id)).status).toBe(200);
    const afterRefund = await paymentRow(db, payment.id);
    expect(afterRefund).toMatchObject({ status: "partially_refunded", refundedCents: 2_000, processorPaymentId: intentId, cardBrand: "visa", cardLast4: "4242" });
    expect(afterRefund.succeededAt).toBeInstanceOf(Date);

    expect((await fakes.stripe.redeliver(completed.id)).status).toBe(200);
    const older = connectEvent("charge.refunded", { ...(refunded.data.object as Stripe.Charge), amount_refunded: 500 }, { account: practice.accountId, created: refunded.created - 60 });
    expect((await deliver(older)).status).toBe(200);

    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "partially_refunded", refundedCents: 2_000, succeededAt: afterRefund.succeededAt, receiptNumber: afterRefund.receiptNumber });
    expect(receiptRequests(payment.id)).toHaveLength(1);
  });

  it("never lets checkout.session.expired or a failed asynchronous payment undo a success", async () => {
    const practice = await livePractice(db, "stripe");
    const { payment, completed } = await paidWithoutWebhooks(practice);
    await fakes.stripe.redeliver(completed.id);
    const session = completed.data.object as Stripe.Checkout.Session;

    for (const type of ["checkout.session.expired", "checkout.session.async_payment_failed"]) {
      const late = connectEvent(type, { ...session, status: type.endsWith("expired") ? "expired" : "complete", payment_status: "unpaid" }, { account: practice.accountId, created: nowSeconds() });
      expect((await deliver(late)).status).toBe(200);
    }

    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "succeeded", failureMessage: null });
  });

  it("cancels a pending payment whose Checkout page expired", async () => {
    const practice = await livePractice(db, "stripe");
    const payment = await pendingPayment(practice);
    const session = fakes.stripe.state.sessions.get(payment.processorSessionId!)!;

    const expired = connectEvent("checkout.session.expired", { ...session, status: "expired", url: null }, { account: practice.accountId, created: nowSeconds() });
    expect((await deliver(expired)).status).toBe(200);

    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "canceled", succeededAt: null });
  });

  it("keeps an unpaid completion pending until the asynchronous payment succeeds, or marks it failed, and lets a later success win", async () => {
    const practice = await livePractice(db, "stripe");
    const slow = await pendingPayment(practice);
    const failing = await pendingPayment(practice);
    const event = (type: string, payment: typeof slow, paid: boolean) => {
      const session = fakes.stripe.state.sessions.get(payment.processorSessionId!)!;
      return connectEvent(type, { ...session, status: "complete", payment_status: paid ? "paid" : "unpaid", payment_intent: `pi_3async${payment.seq}` }, { account: practice.accountId, created: nowSeconds() });
    };

    await deliver(event("checkout.session.completed", slow, false));
    expect(await paymentRow(db, slow.id)).toMatchObject({ status: "pending", succeededAt: null });
    await deliver(event("checkout.session.async_payment_succeeded", slow, true));
    expect(await paymentRow(db, slow.id)).toMatchObject({ status: "succeeded", processorPaymentId: `pi_3async${slow.seq}` });
    expect(receiptRequests(slow.id)).toHaveLength(1);

    await deliver(event("checkout.session.completed", failing, false));
    await deliver(event("checkout.session.async_payment_failed", failing, false));
    expect(await paymentRow(db, failing.id)).toMatchObject({ status: "failed", failureMessage: "The payment didn't go through." });
    await deliver(event("checkout.session.async_payment_succeeded", failing, true));
    expect(await paymentRow(db, failing.id)).toMatchObject({ status: "succeeded", failureMessage: null });
  });

  it("refuses a delivery with a bad signature with 400 and writes nothing", async () => {
    const practice = await livePractice(db, "stripe");
    const { payment, completed } = await paidWithoutWebhooks(practice);
    const payload = JSON.stringify(completed);

    const forged = await connectWebhook(webhookRequest(payload, "whsec_not_ours"));
    const unsigned = await connectWebhook(webhookRequest(payload));
    const signed = webhookRequest(payload, CONNECT_SECRET);
    const tampered = await connectWebhook(new Request(signed.url, { method: "POST", headers: signed.headers, body: payload.replace('"paid"', '"unpaid"') }));

    expect([forged.status, unsigned.status, tampered.status]).toEqual([400, 400, 400]);
    expect(await eventRows(completed.id)).toEqual([]);
    expect(await paymentRow(db, payment.id)).toEqual(payment);
    expect(receiptRequests(payment.id)).toHaveLength(0);
  });

  it("never touches practice B's payment for events on practice A's account that carry its id", async () => {
    const a = await livePractice(db, "stripe");
    const b = await livePractice(db, "stripe");
    const target = await pendingPayment(b);
    const bSession = fakes.stripe.state.sessions.get(target.processorSessionId!)!;
    const forged = [
      connectEvent("checkout.session.completed", { ...bSession, status: "complete", payment_status: "paid", payment_intent: "pi_3forged" }, { account: a.accountId, created: nowSeconds() }),
      connectEvent("checkout.session.expired", { ...bSession, status: "expired" }, { account: a.accountId, created: nowSeconds() }),
      connectEvent("payment_intent.payment_failed", { id: "pi_3forged", object: "payment_intent", metadata: { payment_id: target.id }, last_payment_error: { message: "Forged." } }, { account: a.accountId, created: nowSeconds() }),
      connectEvent(
        "charge.refunded",
        { id: "ch_3forged", object: "charge", status: "succeeded", paid: true, amount: 10_000, amount_refunded: 10_000, created: nowSeconds(), payment_intent: "pi_3forged", metadata: { payment_id: target.id } },
        { account: a.accountId, created: nowSeconds() },
      ),
    ];

    for (const event of forged) {
      const res = await deliver(event);
      expect(res.status).toBe(200);
      expect(await eventRows(event.id)).toEqual([expect.objectContaining({ tenantId: null })]);
    }

    expect(await paymentRow(db, target.id)).toEqual(target);
    expect(receiptRequests(target.id)).toHaveLength(0);
  });

  it("answers 500 and records nothing when the database fails mid-event, then applies Stripe's retry", async () => {
    const practice = await livePractice(db, "stripe");
    const { payment, completed } = await paidWithoutWebhooks(practice);
    await db.execute(sql`create or replace function chairside_test_fail_payment() returns trigger language plpgsql as $$ begin raise exception 'simulated outage'; end $$`);
    await db.execute(sql.raw(`create trigger chairside_test_fail_payment before update on payments for each row when (new.id = '${payment.id}') execute function chairside_test_fail_payment()`));
    let failed;
    try {
      failed = await quietly(() => fakes.stripe.redeliver(completed.id), "error");
    } finally {
      await db.execute(sql`drop trigger chairside_test_fail_payment on payments`);
    }

    expect(failed.status).toBe(500);
    expect(failed.body).not.toContain("simulated outage");
    expect(await eventRows(completed.id)).toEqual([]);
    expect(await paymentRow(db, payment.id)).toEqual(payment);

    const retry = await fakes.stripe.redeliver(completed.id);
    expect(retry.status).toBe(200);
    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "succeeded" });
    expect(receiptRequests(payment.id)).toHaveLength(1);
  });
});
