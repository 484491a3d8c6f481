import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, type Database } from "@/db/client";
import { demoCheckoutSessions, patients, payments, processorAccounts, tenants } from "@/db/schema";
import { confirmPaymentOnReturn } from "@/lib/payments/confirm-payment";
import { loadDemoCheckout, submitDemoCheckout } from "@/lib/payments/demo/demo-checkout";
import { displayedBalanceCents } from "@/lib/payments/displayed-balance";
import { startPatientPayment } from "@/lib/payments/start-payment";
import { loadPortalTenant } from "@/lib/tenancy/portal-tenant";
import { livePractice, paymentRow, paymentsOfSession, payingPatient, payOnStripeCheckout, startPaymentFakes, type Fakes } from "./payment-harness";

// Patients paying practices through Stripe Checkout on the practices' connected accounts, against
// the local Stripe fake with the real SDK; webhooks reach our real Connect route; receipts go to the Resend fake.

let fakes: Fakes;
let db: Database;

beforeAll(async () => {
  fakes = await startPaymentFakes();
  db = await getDb();
});

afterAll(async () => {
  await fakes?.close();
});

/** Receipt sends the mailer received for one payment (a send deduplicated by Resend would still show here). */
function receiptRequests(paymentId: string) {
  return fakes.resend.requests.filter((r) => r.method === "POST" && r.path === "/emails" && r.headers["idempotency-key"] === `receipt:${paymentId}`);
}

function checkoutCreates(paymentId: string) {
  return fakes.stripe.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions" && (r.body.metadata as Record<string, string> | undefined)?.payment_id === paymentId);
}

function sessionsAtStripeFor(paymentId: string) {
  return [...fakes.stripe.state.sessions.values()].filter((s) => s.metadata?.payment_id === paymentId);
}

async function started(result: Awaited<ReturnType<typeof startPatientPayment>>) {
  if (!result.ok) throw new Error(`payment did not start: ${result.code}`);
  return { ...result, payment: await paymentRow(db, result.paymentId) };
}

/** Runs `fn` while our webhook endpoint is down (the fake logs that delivery failed; that's expected here). */
async function withWebhooksDown<T>(fn: () => Promise<T>): Promise<T> {
  fakes.connectEndpoint.down = true;
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  try {
    return await fn();
  } finally {
    fakes.connectEndpoint.down = false;
    warn.mockRestore();
  }
}

describe("paying a practice through Stripe Checkout", () => {
  it("takes a portal payment end to end: Checkout on the practice's account, the webhook through our route, one receipt", async () => {
    const { tenant, accountId } = await livePractice(db, "stripe");
    const { patient, session } = await payingPatient(db, tenant);

    const { redirectUrl, payment } = await started(await startPatientPayment(db, { tenant, session, amountCents: 12_550, source: "portal" }));

    expect(payment).toMatchObject({
      status: "pending",
      amountCents: 12_550,
      currency: "usd",
      processorKind: "stripe",
      source: "portal",
      patientId: patient.id,
      clinicId: session.clinicId,
      patientSessionId: session.id,
      checkoutUrl: redirectUrl,
      receiptEmail: patient.email,
    });
    expect(new URL(redirectUrl).origin).toBe(fakes.stripe.url);
    const [create] = checkoutCreates(payment.id);
    const resultUrl = `http://${tenant.slug}.localhost:3000/pay/result?payment=${payment.id}`;
    expect(create).toMatchObject({
      stripeAccount: accountId,
      idempotencyKey: `checkout:${payment.id}`,
      body: {
        mode: "payment",
        client_reference_id: payment.id,
        line_items: [{ quantity: "1", price_data: { currency: "usd", unit_amount: "12550", product_data: { name: "Payment to Bright Smiles Dental" } } }],
        metadata: { payment_id: payment.id },
        payment_intent_data: { metadata: { payment_id: payment.id } },
        success_url: resultUrl,
        cancel_url: `${resultUrl}&canceled=1`,
      },
    });
    // Pay now patients have no customer, and nothing is saved.
    expect(create!.body.customer).toBeUndefined();
    expect(create!.body.payment_intent_data).not.toHaveProperty("setup_future_usage");

    const paid = await payOnStripeCheckout(redirectUrl, "4242 4242 4242 4242");

    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(resultUrl);
    const completed = fakes.stripe.deliveries.find((d) => d.event.type === "checkout.session.completed" && d.event.account === accountId);
    expect(completed).toMatchObject({ status: 200 });
    const after = await paymentRow(db, payment.id);
    expect(after).toMatchObject({
      status: "succeeded",
      cardBrand: "visa",
      cardLast4: "4242",
      // Stripe's fee on the practice's balance transaction: 2.9% + 30¢ in the fake.
      feeCents: 394,
      receiptNumber: `CS-${String(payment.seq).padStart(8, "0")}`,
      failureMessage: null,
    });
    expect(after.processorPaymentId).toMatch(/^pi_/);
    expect(after.succeededAt).toBeInstanceOf(Date);
    expect(after.receiptSentAt).toBeInstanceOf(Date);

    const receipts = fakes.resend.emails.filter((e) => e.idempotencyKey === `receipt:${payment.id}`);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.to).toEqual([patient.email]);
    expect(receipts[0]!.subject).toBe("Your payment receipt from Bright Smiles Dental");
    for (const line of ["Paid to: Bright Smiles Dental", "Amount: $125.50", `Receipt number: ${after.receiptNumber}`, "Card: Visa ending in 4242"]) {
      expect(receipts[0]!.text).toContain(line);
    }
    expect(receipts[0]!.html).toContain("Visa ending in 4242");

    // The result page confirms afterwards: the same row, and no second receipt.
    expect(await confirmPaymentOnReturn(db, tenant.id, payment.id)).toEqual(after);
    expect(receiptRequests(payment.id)).toHaveLength(1);
    // The balance shown nets the payment; the statement balance itself is left alone.
    const [stored] = await db.select().from(patients).where(eq(patients.id, patient.id));
    expect(stored!.balanceCents).toBe(24_550);
    expect(await displayedBalanceCents(db, stored!)).toBe(12_000);
  });

  it("records the outcome when the result page loads before the webhook, and the late webhook changes nothing", async () => {
    const { tenant } = await livePractice(db, "stripe");
    const { session } = await payingPatient(db, tenant);
    const { redirectUrl, payment } = await started(await startPatientPayment(db, { tenant, session, amountCents: 5_000, source: "portal" }));
    await withWebhooksDown(async () => {
      expect((await payOnStripeCheckout(redirectUrl, "4242424242424242")).status).toBe(303);
    });
    expect((await paymentRow(db, payment.id)).status).toBe("pending");

    const confirmed = await confirmPaymentOnReturn(db, tenant.id, payment.id);

    expect(confirmed).toMatchObject({ status: "succeeded", cardBrand: "visa", cardLast4: "4242" });
    expect(confirmed!.receiptSentAt).toBeInstanceOf(Date);
    expect(receiptRequests(payment.id)).toHaveLength(1);

    const late = fakes.stripe.deliveries.find((d) => d.event.type === "checkout.session.completed" && d.event.data.object && (d.event.data.object as { id: string }).id === payment.processorSessionId);
    const redelivered = await fakes.stripe.redeliver(late!.event.id);
    expect(redelivered.status).toBe(200);
    expect(JSON.parse(redelivered.body)).toEqual({ received: true });
    const after = await paymentRow(db, payment.id);
    expect(after).toMatchObject({ status: "succeeded", succeededAt: confirmed!.succeededAt, receiptNumber: confirmed!.receiptNumber, receiptSentAt: confirmed!.receiptSentAt });
    expect(receiptRequests(payment.id)).toHaveLength(1);
  });

  it("keeps a declined payment pending with the decline message, then succeeds when the patient tries another card", async () => {
    const { tenant } = await livePractice(db, "stripe");
    const { session } = await payingPatient(db, tenant);
    const { redirectUrl, payment } = await started(await startPatientPayment(db, { tenant, session, amountCents: 7_500, source: "portal" }));

    const declined = await payOnStripeCheckout(redirectUrl, "4000 0000 0000 0002");

    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain("Your card was declined.");
    expect(fakes.stripe.deliveries.find((d) => d.event.type === "payment_intent.payment_failed" && (d.event.data.object as { metadata: Record<string, string> }).metadata.payment_id === payment.id)).toMatchObject({ status: 200 });
    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "pending", failureMessage: "Your card was declined.", succeededAt: null });
    expect(await confirmPaymentOnReturn(db, tenant.id, payment.id)).toMatchObject({ status: "pending", failureMessage: "Your card was declined." });
    expect(receiptRequests(payment.id)).toHaveLength(0);

    expect((await payOnStripeCheckout(redirectUrl, "4242 4242 4242 4242")).status).toBe(303);

    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "succeeded", failureMessage: null, cardLast4: "4242" });
    expect(receiptRequests(payment.id)).toHaveLength(1);
  });

  it("turns ten simultaneous submits of one amount into one payment and one Checkout Session", async () => {
    const { tenant } = await livePractice(db, "stripe");
    const { session } = await payingPatient(db, tenant);

    const results = await Promise.all(Array.from({ length: 10 }, () => startPatientPayment(db, { tenant, session, amountCents: 20_000, source: "portal" })));

    const ids = new Set(results.map((r) => (r.ok ? r.paymentId : r.code)));
    const urls = new Set(results.map((r) => (r.ok ? r.redirectUrl : r.code)));
    expect([...ids]).toHaveLength(1);
    expect([...urls]).toHaveLength(1);
    const rows = await paymentsOfSession(db, tenant.id, session.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "pending", amountCents: 20_000 });
    expect(sessionsAtStripeFor(rows[0]!.id)).toHaveLength(1);
    expect(checkoutCreates(rows[0]!.id)).toHaveLength(1);

    // The back button and a second tab, later: the same page again.
    const again = await startPatientPayment(db, { tenant, session, amountCents: 20_000, source: "portal" });
    expect(again).toEqual(results[0]);
    expect(await paymentsOfSession(db, tenant.id, session.id)).toHaveLength(1);
  });

  it("expires the first Checkout page and cancels its payment when the patient changes the amount", async () => {
    const { tenant } = await livePractice(db, "stripe");
    const { session } = await payingPatient(db, tenant);
    const first = await started(await startPatientPayment(db, { tenant, session, amountCents: 10_000, source: "portal" }));

    const second = await started(await startPatientPayment(db, { tenant, session, amountCents: 15_000, source: "portal" }));

    expect(second.paymentId).not.toBe(first.paymentId);
    expect(second.redirectUrl).not.toBe(first.redirectUrl);
    expect(await paymentRow(db, first.paymentId)).toMatchObject({ status: "canceled", succeededAt: null });
    expect(second.payment).toMatchObject({ status: "pending", amountCents: 15_000 });
    expect(fakes.stripe.state.sessions.get(first.payment.processorSessionId!)).toMatchObject({ status: "expired" });
    expect(fakes.stripe.deliveries.find((d) => d.event.type === "checkout.session.expired" && (d.event.data.object as { id: string }).id === first.payment.processorSessionId)).toMatchObject({ status: 200 });
    // The old page can't be paid any more.
    expect((await payOnStripeCheckout(first.redirectUrl, "4242424242424242")).status).toBe(410);
    const pending = (await paymentsOfSession(db, tenant.id, session.id)).filter((p) => p.status === "pending");
    expect(pending.map((p) => p.id)).toEqual([second.paymentId]);
  });

  it("returns the result page instead of a new payment when the patient already paid the old page in another tab", async () => {
    const { tenant } = await livePractice(db, "stripe");
    const { session } = await payingPatient(db, tenant);
    const first = await started(await startPatientPayment(db, { tenant, session, amountCents: 10_000, source: "portal" }));
    // Paid in the other tab; its webhook hasn't arrived yet.
    await withWebhooksDown(() => payOnStripeCheckout(first.redirectUrl, "4242424242424242"));

    const changed = await startPatientPayment(db, { tenant, session, amountCents: 12_000, source: "portal" });

    expect(changed).toEqual({ ok: true, paymentId: first.paymentId, redirectUrl: `http://${tenant.slug}.localhost:3000/pay/result?payment=${first.paymentId}` });
    expect(await paymentRow(db, first.paymentId)).toMatchObject({ status: "succeeded", cardLast4: "4242" });
    expect(await paymentsOfSession(db, tenant.id, session.id)).toHaveLength(1);
    expect(receiptRequests(first.paymentId)).toHaveLength(1);
    // And once paid, every later submit of this visit lands on the result page.
    expect(await startPatientPayment(db, { tenant, session, amountCents: 10_000, source: "portal" })).toEqual(changed);
  });

  it("refuses amounts under $1.00 or over the practice's limit, and accepts both bounds", async () => {
    const { tenant } = await livePractice(db, "stripe");
    await db.update(tenants).set({ maxPaymentCents: 25_000 }).where(eq(tenants.id, tenant.id));
    const limited = (await loadPortalTenant(db, tenant.slug))!;
    const one = await payingPatient(db, limited);
    const two = await payingPatient(db, limited);

    expect(await startPatientPayment(db, { tenant: limited, session: one.session, amountCents: 99, source: "portal" })).toEqual({ ok: false, code: "amount_too_small" });
    expect(await startPatientPayment(db, { tenant: limited, session: one.session, amountCents: 25_001, source: "portal" })).toEqual({ ok: false, code: "amount_too_large" });
    expect(await paymentsOfSession(db, limited.id, one.session.id)).toEqual([]);

    expect(await startPatientPayment(db, { tenant: limited, session: one.session, amountCents: 100, source: "portal" })).toMatchObject({ ok: true });
    expect(await startPatientPayment(db, { tenant: limited, session: two.session, amountCents: 25_000, source: "message_to_pay" })).toMatchObject({ ok: true });
    expect((await paymentsOfSession(db, limited.id, two.session.id))[0]).toMatchObject({ amountCents: 25_000, source: "message_to_pay" });
  });

  it("refuses saving or choosing a saved card before the patient is verified, and creates nothing", async () => {
    const { tenant } = await livePractice(db, "stripe");
    const { session } = await payingPatient(db, tenant);

    expect(await startPatientPayment(db, { tenant, session, amountCents: 5_000, source: "portal", saveCard: true })).toEqual({ ok: false, code: "not_verified" });
    expect(await startPatientPayment(db, { tenant, session, amountCents: 5_000, source: "portal", savedPaymentMethodId: "pm_123" })).toEqual({ ok: false, code: "not_verified" });
    expect(await paymentsOfSession(db, tenant.id, session.id)).toEqual([]);
  });

  it("sends the receipt to the address the patient typed, or to the one on file", async () => {
    const { tenant } = await livePractice(db, "stripe");
    const typed = await payingPatient(db, tenant);
    const none = await payingPatient(db, tenant, { email: null });

    const a = await started(await startPatientPayment(db, { tenant, session: typed.session, amountCents: 3_000, source: "portal", receiptEmail: "  Other@Example.com " }));
    const b = await started(await startPatientPayment(db, { tenant, session: none.session, amountCents: 3_000, source: "portal" }));
    await payOnStripeCheckout(a.redirectUrl, "4242424242424242");
    await payOnStripeCheckout(b.redirectUrl, "4242424242424242");

    expect(fakes.resend.emails.filter((e) => e.idempotencyKey === `receipt:${a.paymentId}`).map((e) => e.to)).toEqual([["other@example.com"]]);
    // No address anywhere: paid, but no receipt to send.
    expect(await paymentRow(db, b.paymentId)).toMatchObject({ status: "succeeded", receiptEmail: null, receiptSentAt: null });
    expect(receiptRequests(b.paymentId)).toHaveLength(0);
  });

  it("retries a receipt the mailer refused the next time the payment is confirmed", async () => {
    const { tenant } = await livePractice(db, "stripe");
    const { session } = await payingPatient(db, tenant);
    const { redirectUrl, paymentId } = await started(await startPatientPayment(db, { tenant, session, amountCents: 4_000, source: "portal" }));
    fakes.resend.failNext(5);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await payOnStripeCheckout(redirectUrl, "4242424242424242");
      const line = logged.mock.calls.map((c) => String(c[0])).find((m) => m.startsWith("Receipt for payment"));
      expect(line).toBe(`Receipt for payment ${paymentId} not sent (internal_server_error); it will be retried when the payment is next confirmed.`);
    } finally {
      fakes.resend.failNext(0);
      logged.mockRestore();
    }
    expect(await paymentRow(db, paymentId)).toMatchObject({ status: "succeeded", receiptSentAt: null, receiptClaimedAt: null });

    const confirmed = await confirmPaymentOnReturn(db, tenant.id, paymentId);

    expect(confirmed!.receiptSentAt).toBeInstanceOf(Date);
    expect(fakes.resend.emails.filter((e) => e.idempotencyKey === `receipt:${paymentId}`)).toHaveLength(1);
  });

  it("answers processor_error and keeps the attempt as canceled when Stripe refuses to open Checkout, then starts afresh", async () => {
    const { tenant, accountId } = await livePractice(db, "stripe");
    const { session } = await payingPatient(db, tenant);
    fakes.stripe.state.accounts.get(accountId)!.charges_enabled = false;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    let refused;
    try {
      refused = await startPatientPayment(db, { tenant, session, amountCents: 6_000, source: "portal" });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining("Stripe Checkout Session create failed"));
    } finally {
      logged.mockRestore();
      fakes.stripe.state.accounts.get(accountId)!.charges_enabled = true;
    }
    expect(refused).toEqual({ ok: false, code: "processor_error" });
    const [attempt] = await paymentsOfSession(db, tenant.id, session.id);
    expect(attempt).toMatchObject({ status: "canceled", checkoutUrl: null });

    const retried = await started(await startPatientPayment(db, { tenant, session, amountCents: 6_000, source: "portal" }));
    expect(retried.paymentId).not.toBe(attempt!.id);
    expect(retried.payment.status).toBe("pending");
  });

  it("refuses payments when the practice's processor is disconnected", async () => {
    const { tenant } = await livePractice(db, "stripe");
    const { session } = await payingPatient(db, tenant);
    await db.delete(processorAccounts).where(eq(processorAccounts.tenantId, tenant.id));

    expect(await startPatientPayment(db, { tenant, session, amountCents: 5_000, source: "portal" })).toEqual({ ok: false, code: "processor_unavailable" });
    expect(await paymentsOfSession(db, tenant.id, session.id)).toEqual([]);
  });
});

describe("a leftover demo connection on an installation with Stripe", () => {
  it("takes no demo payment: none starts, and an old demo page refuses to record one", async () => {
    const { tenant } = await livePractice(db, "stripe");
    const { patient, session } = await payingPatient(db, tenant);
    // As if the practice had connected the demo processor before Stripe keys were configured.
    await db.update(processorAccounts).set({ kind: "demo", externalAccountId: `demo_${tenant.id}` }).where(eq(processorAccounts.tenantId, tenant.id));

    expect(await startPatientPayment(db, { tenant, session, amountCents: 5_000, source: "portal" })).toEqual({ ok: false, code: "processor_unavailable" });

    // A demo page opened back then.
    const [old] = await db
      .insert(payments)
      .values({ tenantId: tenant.id, patientId: patient.id, amountCents: 5_000, idempotencyKey: "old-demo", processorKind: "demo", processorSessionId: `demo_cs_${"a".repeat(43)}` })
      .returning();
    await db.insert(demoCheckoutSessions).values({
      id: old!.processorSessionId!,
      tenantId: tenant.id,
      mode: "payment",
      paymentId: old!.id,
      amountCents: 5_000,
      description: "Payment to Bright Smiles Dental",
      successUrl: "http://example.test/ok",
      cancelUrl: "http://example.test/cancel",
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    expect(await loadDemoCheckout(db, old!.processorSessionId!)).toMatchObject({ available: false });
    expect(await submitDemoCheckout(db, old!.processorSessionId!, { cardNumber: "4242 4242 4242 4242", expiry: "12/34", cvc: "123" })).toMatchObject({ ok: false, code: "unavailable" });
    expect(await paymentRow(db, old!.id)).toMatchObject({ status: "pending", succeededAt: null });
    const [page] = await db.select().from(demoCheckoutSessions).where(and(eq(demoCheckoutSessions.id, old!.processorSessionId!)));
    expect(page).toMatchObject({ status: "open", paid: false });
  });
});
