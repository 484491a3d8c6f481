import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import { confirmPaymentOnReturn } from "@/lib/payments/confirm-payment";
import { markPaymentPosted } from "@/lib/payments/mark-posted";
import { refundPayment } from "@/lib/payments/refund-payment";
import { startPatientPayment } from "@/lib/payments/start-payment";
import { livePractice, paymentRow, payingPatient, payOnStripeCheckout, startPaymentFakes, type Fakes, type LivePractice } from "./payment-harness";

// What the office dashboard does with a payment: refund it (through Stripe, on the practice's
// account) and mark it posted, always scoped to the staff member's own practice.

let fakes: Fakes;
let db: Database;

beforeAll(async () => {
  fakes = await startPaymentFakes();
  db = await getDb();
});

afterAll(async () => {
  await fakes?.close();
});

async function paidPayment(practice: LivePractice, amountCents = 10_000) {
  const { session } = await payingPatient(db, practice.tenant);
  const started = await startPatientPayment(db, { tenant: practice.tenant, session, amountCents, source: "portal" });
  if (!started.ok) throw new Error(started.code);
  await payOnStripeCheckout(started.redirectUrl, "4242424242424242");
  const payment = await paymentRow(db, started.paymentId);
  expect(payment.status).toBe("succeeded");
  return payment;
}

function refundsAtStripe(intentId: string) {
  return [...fakes.stripe.state.refunds.values()].filter((r) => r.payment_intent === intentId);
}

function refundRequests(paymentId: string) {
  return fakes.stripe.requests.filter((r) => r.path === "/v1/refunds" && r.idempotencyKey?.startsWith(`refund:${paymentId}:`));
}

async function audits(tenantId: string, action: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, action)));
}

describe("refunding a payment", () => {
  it("refunds in full through Stripe on the practice's account, audited, and refuses a second refund", async () => {
    const practice = await livePractice(db, "stripe");
    const payment = await paidPayment(practice);

    const refunded = await refundPayment(db, { tenantId: practice.tenant.id, paymentId: payment.id, amountCents: 10_000, actorUserId: practice.ownerId, ip: "203.0.113.9" });

    expect(refunded).toMatchObject({ ok: true, payment: { id: payment.id, status: "refunded", refundedCents: 10_000 } });
    expect(refundRequests(payment.id)).toEqual([expect.objectContaining({ stripeAccount: practice.accountId, idempotencyKey: `refund:${payment.id}:10000`, body: expect.objectContaining({ amount: "10000" }) })]);
    expect(refundsAtStripe(payment.processorPaymentId!).map((r) => r.amount)).toEqual([10_000]);
    const [audit] = await audits(practice.tenant.id, "payment.refunded");
    expect(audit).toMatchObject({ actorUserId: practice.ownerId, ip: "203.0.113.9", summary: { before: { status: "succeeded", refundedCents: 0 }, after: { status: "refunded", refundedCents: 10_000, refundCents: 10_000 } } });

    expect(await refundPayment(db, { tenantId: practice.tenant.id, paymentId: payment.id, amountCents: 100, actorUserId: practice.ownerId })).toEqual({
      ok: false,
      code: "not_refundable",
      message: "This payment has already been refunded in full.",
    });
    expect(refundsAtStripe(payment.processorPaymentId!)).toHaveLength(1);
  });

  it("refunds in parts, each with its own key, and refuses a part larger than what is left", async () => {
    const practice = await livePractice(db, "stripe");
    const payment = await paidPayment(practice);
    const refund = (amountCents: number) => refundPayment(db, { tenantId: practice.tenant.id, paymentId: payment.id, amountCents, actorUserId: practice.ownerId });

    expect(await refund(2_500)).toMatchObject({ ok: true, payment: { status: "partially_refunded", refundedCents: 2_500 } });
    expect(await refund(2_500)).toMatchObject({ ok: true, payment: { status: "partially_refunded", refundedCents: 5_000 } });
    expect(await refund(6_000)).toEqual({ ok: false, code: "amount_too_large", message: "You can refund at most $50.00 of this payment." });

    expect(refundRequests(payment.id).map((r) => r.idempotencyKey)).toEqual([`refund:${payment.id}:2500`, `refund:${payment.id}:5000`]);
    expect(refundsAtStripe(payment.processorPaymentId!).map((r) => r.amount)).toEqual([2_500, 2_500]);
    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "partially_refunded", refundedCents: 5_000, refundRequestedCents: 5_000 });
    expect(await audits(practice.tenant.id, "payment.refunded")).toHaveLength(2);
    expect(await refund(5_000)).toMatchObject({ ok: true, payment: { status: "refunded", refundedCents: 10_000 } });
  });

  it("replays, rather than repeats, a refund that reached Stripe but wasn't recorded", async () => {
    const practice = await livePractice(db, "stripe");
    const payment = await paidPayment(practice);
    // Our recording transaction fails after Stripe refunded (its audit insert is refused).
    await db.execute(sql`create or replace function chairside_test_fail_audit() returns trigger language plpgsql as $$ begin raise exception 'simulated crash'; end $$`);
    await db.execute(sql.raw(`create trigger chairside_test_fail_audit before insert on audit_log for each row when (new.tenant_id = '${practice.tenant.id}') execute function chairside_test_fail_audit()`));
    try {
      await expect(refundPayment(db, { tenantId: practice.tenant.id, paymentId: payment.id, amountCents: 3_000, actorUserId: practice.ownerId })).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger chairside_test_fail_audit on audit_log`);
    }
    // Stripe's charge.refunded did arrive meanwhile.
    expect(await paymentRow(db, payment.id)).toMatchObject({ refundedCents: 3_000, refundRequestedCents: 0, refundClaimedAt: null });

    const retried = await refundPayment(db, { tenantId: practice.tenant.id, paymentId: payment.id, amountCents: 3_000, actorUserId: practice.ownerId });

    expect(retried).toMatchObject({ ok: true, payment: { status: "partially_refunded", refundedCents: 3_000, refundRequestedCents: 3_000 } });
    expect(refundRequests(payment.id).map((r) => r.idempotencyKey)).toEqual([`refund:${payment.id}:3000`, `refund:${payment.id}:3000`]);
    expect(refundsAtStripe(payment.processorPaymentId!)).toHaveLength(1);
    expect(await audits(practice.tenant.id, "payment.refunded")).toHaveLength(1);
  });

  it("refuses to refund a payment that hasn't succeeded, or one that doesn't exist", async () => {
    const practice = await livePractice(db, "stripe");
    const { session } = await payingPatient(db, practice.tenant);
    const started = await startPatientPayment(db, { tenant: practice.tenant, session, amountCents: 5_000, source: "portal" });
    if (!started.ok) throw new Error(started.code);

    expect(await refundPayment(db, { tenantId: practice.tenant.id, paymentId: started.paymentId, amountCents: 100, actorUserId: practice.ownerId })).toMatchObject({ ok: false, code: "not_refundable" });
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      expect(await refundPayment(db, { tenantId: practice.tenant.id, paymentId: id, amountCents: 100, actorUserId: practice.ownerId })).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(fakes.stripe.requests.filter((r) => r.path === "/v1/refunds" && r.stripeAccount === practice.accountId)).toEqual([]);
  });

  it("tells the office when Stripe refuses the refund or can't be reached, and records nothing", async () => {
    const practice = await livePractice(db, "stripe");
    const payment = await paidPayment(practice);
    const refund = () => refundPayment(db, { tenantId: practice.tenant.id, paymentId: payment.id, amountCents: 1_000, actorUserId: practice.ownerId });
    const charge = [...fakes.stripe.state.charges.values()].find((c) => c.payment_intent === payment.processorPaymentId && c.status === "succeeded")!;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      charge.status = "failed";
      expect(await refund()).toMatchObject({ ok: false, code: "not_refundable", message: expect.stringContaining("won't refund this payment") });
      charge.status = "succeeded";
      fakes.stripe.state.accounts.delete(practice.accountId);
      expect(await refund()).toEqual({ ok: false, code: "processor_error", message: "The card processor didn't answer as expected. Please try again in a minute." });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining("Stripe refund failed"));
    } finally {
      logged.mockRestore();
    }
    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "succeeded", refundedCents: 0, refundRequestedCents: 0, refundClaimedAt: null });
    expect(await audits(practice.tenant.id, "payment.refunded")).toEqual([]);
  });
});

describe("marking a payment posted", () => {
  it("marks a paid payment posted once, audited once, and says yes again without changing it", async () => {
    const practice = await livePractice(db, "stripe");
    const payment = await paidPayment(practice);

    expect(await markPaymentPosted(db, { tenantId: practice.tenant.id, paymentId: payment.id, actorUserId: practice.ownerId })).toBe(true);
    const posted = await paymentRow(db, payment.id);
    expect(posted.postedAt).toBeInstanceOf(Date);
    expect(await markPaymentPosted(db, { tenantId: practice.tenant.id, paymentId: payment.id, actorUserId: practice.ownerId })).toBe(true);

    expect((await paymentRow(db, payment.id)).postedAt).toEqual(posted.postedAt);
    expect(await audits(practice.tenant.id, "payment.posted")).toEqual([expect.objectContaining({ actorUserId: practice.ownerId })]);
  });

  it("refuses a payment that hasn't been paid", async () => {
    const practice = await livePractice(db, "stripe");
    const { session } = await payingPatient(db, practice.tenant);
    const started = await startPatientPayment(db, { tenant: practice.tenant, session, amountCents: 5_000, source: "portal" });
    if (!started.ok) throw new Error(started.code);

    expect(await markPaymentPosted(db, { tenantId: practice.tenant.id, paymentId: started.paymentId, actorUserId: null })).toBe(false);
    expect((await paymentRow(db, started.paymentId)).postedAt).toBeNull();
  });
});

describe("another practice's payment", () => {
  it("is not found by the result page, refunds or posting, and is left exactly as it was", async () => {
    const a = await livePractice(db, "stripe");
    const b = await livePractice(db, "stripe");
    const payment = await paidPayment(a);
    const refundsBefore = fakes.stripe.requests.filter((r) => r.path === "/v1/refunds").length;

    expect(await confirmPaymentOnReturn(db, b.tenant.id, payment.id)).toBeNull();
    expect(await refundPayment(db, { tenantId: b.tenant.id, paymentId: payment.id, amountCents: 1_000, actorUserId: b.ownerId })).toEqual({ ok: false, code: "not_found", message: "We couldn't find that payment." });
    expect(await markPaymentPosted(db, { tenantId: b.tenant.id, paymentId: payment.id, actorUserId: b.ownerId })).toBe(false);

    expect(await paymentRow(db, payment.id)).toEqual(payment);
    expect(fakes.stripe.requests.filter((r) => r.path === "/v1/refunds")).toHaveLength(refundsBefore);
    expect(await audits(b.tenant.id, "payment.refunded")).toEqual([]);
    expect(await audits(b.tenant.id, "payment.posted")).toEqual([]);
  });
});
