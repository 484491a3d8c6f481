import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { payDemoCheckout } from "@/app/demo-checkout/[sessionId]/actions";
import { getDb, type Database } from "@/db/client";
import { demoCheckoutSessions, devOutbox, payments } from "@/db/schema";
import { queryRows } from "@/db/query-rows";
import { confirmPaymentOnReturn } from "@/lib/payments/confirm-payment";
import { loadDemoCheckout, submitDemoCheckout } from "@/lib/payments/demo/demo-checkout";
import { markPaymentPosted } from "@/lib/payments/mark-posted";
import { refundPayment } from "@/lib/payments/refund-payment";
import { deleteSavedCard, listSavedCards, startAddCard } from "@/lib/payments/saved-cards";
import { startPatientPayment } from "@/lib/payments/start-payment";
import { livePractice, paymentRow, paymentsOfSession, payingPatient, type LivePractice } from "./payment-harness";

// No Stripe keys in this file: practices use the built-in demo processor and its hosted page
// (app/demo-checkout), and mail lands in the dev outbox.

let db: Database;

beforeAll(async () => {
  for (const name of ["STRIPE_SECRET_KEY", "STRIPE_API_BASE", "RESEND_API_KEY", "RESEND_BASE_URL"]) delete process.env[name];
  db = await getDb();
});

const CARD = { expiry: "12 / 34", cvc: "123" };
const sessionIdOf = (url: string) => new URL(url).pathname.split("/").pop()!;

async function demoPayment(practice: LivePractice, opts: { amountCents?: number; verified?: boolean; saveCard?: boolean; locale?: string; email?: string | null } = {}) {
  const { patient, session } = await payingPatient(db, practice.tenant, { verified: opts.verified, email: opts.email });
  const started = await startPatientPayment(db, { tenant: practice.tenant, session, amountCents: opts.amountCents ?? 9_900, source: "portal", saveCard: opts.saveCard, locale: opts.locale });
  if (!started.ok) throw new Error(started.code);
  return { patient, session, ...started, pageId: sessionIdOf(started.redirectUrl) };
}

async function outboxFor(address: string) {
  return db.select().from(devOutbox).where(eq(devOutbox.toAddress, address));
}

describe("the demo processor's hosted page", () => {
  it("takes a payment with 4242 4242 4242 4242 on the root host, records it and mails one receipt", async () => {
    const practice = await livePractice(db, "demo");
    const { patient, paymentId, redirectUrl, pageId } = await demoPayment(practice, { amountCents: 9_900 });

    expect(redirectUrl).toBe(`http://localhost:3000/demo-checkout/${pageId}`);
    // 256 random bits: the URL can't be guessed.
    expect(pageId).toMatch(/^demo_cs_[A-Za-z0-9_-]{43}$/);
    expect(await paymentRow(db, paymentId)).toMatchObject({ processorKind: "demo", processorSessionId: pageId, checkoutUrl: redirectUrl, status: "pending" });
    const resultUrl = `http://${practice.tenant.slug}.localhost:3000/pay/result?payment=${paymentId}`;
    expect(await loadDemoCheckout(db, pageId)).toMatchObject({
      mode: "payment",
      status: "open",
      available: true,
      practiceName: "Bright Smiles Dental",
      description: "Payment to Bright Smiles Dental",
      amountCents: 9_900,
      successUrl: resultUrl,
      cancelUrl: `${resultUrl}&canceled=1`,
      savedCards: [],
    });

    const paid = await submitDemoCheckout(db, pageId, { cardNumber: "4242 4242 4242 4242", ...CARD });

    expect(paid).toEqual({ ok: true, redirectUrl: resultUrl });
    const payment = await paymentRow(db, paymentId);
    expect(payment).toMatchObject({ status: "succeeded", cardBrand: "visa", cardLast4: "4242", receiptNumber: `CS-${String(payment.seq).padStart(8, "0")}` });
    expect(payment.processorPaymentId).toMatch(/^demo_pi_/);
    expect(payment.receiptSentAt).toBeInstanceOf(Date);
    const mail = await outboxFor(patient.email!);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ tenantId: practice.tenant.id, subject: "Your payment receipt from Bright Smiles Dental" });
    expect(mail[0]!.text).toContain("Amount: $99.00");
    expect(mail[0]!.text).toContain("Card: Visa ending in 4242");
    expect(await loadDemoCheckout(db, pageId)).toMatchObject({ status: "complete" });
    // Only brand and last 4 are kept, nowhere the number.
    const stored = await queryRows<{ row: string }>(db, sql`SELECT row_to_json(d)::text AS row FROM demo_checkout_sessions d WHERE id = ${pageId}`);
    expect(stored[0]!.row).not.toContain("4242424242424242");
    expect(JSON.stringify(payment)).not.toContain("4242424242424242");

    // A second submit (a double click that arrived late) goes to the same place and records nothing.
    expect(await submitDemoCheckout(db, pageId, { cardNumber: "4242 4242 4242 4242", ...CARD })).toEqual(paid);
    expect(await paymentRow(db, paymentId)).toEqual(payment);
    expect(await outboxFor(patient.email!)).toHaveLength(1);
    expect(await confirmPaymentOnReturn(db, practice.tenant.id, paymentId)).toEqual(payment);
  });

  it("declines 4000 0000 0000 0002, keeps the page open and the payment pending, then accepts 5555 5555 5555 4444", async () => {
    const practice = await livePractice(db, "demo");
    const { paymentId, pageId } = await demoPayment(practice);

    const declined = await submitDemoCheckout(db, pageId, { cardNumber: "4000 0000 0000 0002", ...CARD });

    expect(declined).toEqual({ ok: false, code: "declined", message: "Your card was declined.", field: "cardNumber" });
    expect(await loadDemoCheckout(db, pageId)).toMatchObject({ status: "open" });
    expect(await paymentRow(db, paymentId)).toMatchObject({ status: "pending", failureMessage: "Your card was declined." });
    expect(await confirmPaymentOnReturn(db, practice.tenant.id, paymentId)).toMatchObject({ status: "pending", failureMessage: "Your card was declined." });

    expect(await submitDemoCheckout(db, pageId, { cardNumber: "5555555555554444", ...CARD })).toMatchObject({ ok: true });
    expect(await paymentRow(db, paymentId)).toMatchObject({ status: "succeeded", cardBrand: "mastercard", cardLast4: "4444", failureMessage: null });
  });

  it("refuses any other number, an expiry in the past and a missing CVC, and records nothing", async () => {
    const practice = await livePractice(db, "demo");
    const { paymentId, pageId } = await demoPayment(practice);

    expect(await submitDemoCheckout(db, pageId, { cardNumber: "4111 1111 1111 1112", ...CARD })).toEqual({ ok: false, code: "invalid", message: "Your card number is invalid.", field: "cardNumber" });
    expect(await submitDemoCheckout(db, pageId, { cardNumber: "4242424242424242", expiry: "01 / 20", cvc: "123" })).toMatchObject({ ok: false, field: "expiry" });
    expect(await submitDemoCheckout(db, pageId, { cardNumber: "4242424242424242", expiry: "12 / 34", cvc: "" })).toMatchObject({ ok: false, field: "cvc" });

    expect(await paymentRow(db, paymentId)).toMatchObject({ status: "pending", failureMessage: null });
    expect(await loadDemoCheckout(db, pageId)).toMatchObject({ status: "open" });
  });

  it("answers the page's form with a redirect to the result page or the refusal as its alert, and an unknown page id with nothing", async () => {
    const practice = await livePractice(db, "demo");
    const { paymentId, pageId } = await demoPayment(practice);
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) data.set(k, v);
      return data;
    };

    const declined = await payDemoCheckout(null, form({ session: pageId, cardNumber: "4000000000000002", expiry: "12/34", cvc: "123" }));
    expect(declined).toEqual({ ok: false, formError: "Your card was declined.", fieldErrors: { cardNumber: ["Your card was declined."] }, values: {} });

    const redirected = await payDemoCheckout(null, form({ session: pageId, cardNumber: "4242424242424242", expiry: "12/34", cvc: "123" })).catch((err: unknown) => err);
    // redirect() from a server action: Next answers a posted form with 303 See Other to this URL.
    expect(String((redirected as { digest?: string }).digest)).toMatch(new RegExp(`^NEXT_REDIRECT;[a-z]+;http://${practice.tenant.slug}\\.localhost:3000/pay/result\\?payment=${paymentId};`));
    expect((await paymentRow(db, paymentId)).status).toBe("succeeded");

    expect(await loadDemoCheckout(db, "demo_cs_guess")).toBeNull();
    expect(await submitDemoCheckout(db, `demo_cs_${"x".repeat(43)}`, { cardNumber: "4242424242424242", ...CARD })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("expires the first page when the patient changes the amount, and the old page takes no payment", async () => {
    const practice = await livePractice(db, "demo");
    const first = await demoPayment(practice, { amountCents: 5_000 });
    const second = await startPatientPayment(db, { tenant: practice.tenant, session: first.session, amountCents: 6_000, source: "portal" });
    if (!second.ok) throw new Error(second.code);

    expect(await paymentRow(db, first.paymentId)).toMatchObject({ status: "canceled" });
    expect(await loadDemoCheckout(db, first.pageId)).toMatchObject({ status: "expired" });
    expect(await submitDemoCheckout(db, first.pageId, { cardNumber: "4242424242424242", ...CARD })).toMatchObject({ ok: false, code: "closed" });
    expect(await paymentRow(db, first.paymentId)).toMatchObject({ status: "canceled", succeededAt: null });
    const open = (await paymentsOfSession(db, practice.tenant.id, first.session.id)).filter((p) => p.status === "pending");
    expect(open.map((p) => p.amountCents)).toEqual([6_000]);
  });

  it("gives ten simultaneous submits one payment and one demo page", async () => {
    const practice = await livePractice(db, "demo");
    const { session } = await payingPatient(db, practice.tenant);

    const results = await Promise.all(Array.from({ length: 10 }, () => startPatientPayment(db, { tenant: practice.tenant, session, amountCents: 4_200, source: "portal" })));

    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    const rows = await paymentsOfSession(db, practice.tenant.id, session.id);
    expect(rows).toHaveLength(1);
    expect(await db.select().from(demoCheckoutSessions).where(eq(demoCheckoutSessions.paymentId, rows[0]!.id))).toHaveLength(1);
  });

  it("writes the receipt in Spanish for a patient paying in Spanish", async () => {
    const practice = await livePractice(db, "demo");
    const { patient, pageId } = await demoPayment(practice, { locale: "es", amountCents: 12_345 });

    await submitDemoCheckout(db, pageId, { cardNumber: "4242424242424242", ...CARD });

    const [mail] = await outboxFor(patient.email!);
    expect(mail!.subject).toBe("Su recibo de pago de Bright Smiles Dental");
    expect(mail!.text).toContain("Gracias por su pago.");
    expect(mail!.text).toContain("Tarjeta: Visa terminada en 4242");
    expect(mail!.html).toContain('lang="es"');
  });
});

describe("demo saved cards, refunds and posting", () => {
  it("saves a card on the demo page in setup mode, offers it on the next payment, and pays with it", async () => {
    const practice = await livePractice(db, "demo");
    const { tenant } = practice;
    const { session } = await payingPatient(db, tenant, { verified: true });

    const adding = await startAddCard(db, tenant, session);
    if (!adding.ok) throw new Error(adding.code);
    const setupPage = sessionIdOf(adding.redirectUrl);
    expect(await loadDemoCheckout(db, setupPage)).toMatchObject({ mode: "setup", amountCents: null, successUrl: `http://${tenant.slug}.localhost:3000/balance?card=added` });
    expect(await submitDemoCheckout(db, setupPage, { cardNumber: "5555 5555 5555 4444", ...CARD })).toEqual({ ok: true, redirectUrl: `http://${tenant.slug}.localhost:3000/balance?card=added` });
    const cards = await listSavedCards(db, tenant, session);
    expect(cards).toEqual([{ id: expect.stringMatching(/^demo_pm_/), brand: "mastercard", last4: "4444", expMonth: 12, expYear: 2034 }]);

    const paying = await startPatientPayment(db, { tenant, session, amountCents: 2_000, source: "portal", savedPaymentMethodId: cards[0]!.id });
    if (!paying.ok) throw new Error(paying.code);
    const page = sessionIdOf(paying.redirectUrl);
    expect(await loadDemoCheckout(db, page)).toMatchObject({ savedCards: cards });

    expect(await submitDemoCheckout(db, page, { savedCardId: cards[0]!.id })).toMatchObject({ ok: true });
    expect(await paymentRow(db, paying.paymentId)).toMatchObject({ status: "succeeded", cardBrand: "mastercard", cardLast4: "4444" });
    expect(await listSavedCards(db, tenant, session)).toEqual(cards);
  });

  it("keeps the card a verified patient pays with only when they ask, and deletes only their own", async () => {
    const practice = await livePractice(db, "demo");
    const { tenant } = practice;
    const saver = await demoPayment(practice, { verified: true, saveCard: true });
    const other = await demoPayment(practice, { verified: true });
    await submitDemoCheckout(db, saver.pageId, { cardNumber: "4242424242424242", ...CARD });
    await submitDemoCheckout(db, other.pageId, { cardNumber: "4242424242424242", ...CARD });

    const [saved] = await listSavedCards(db, tenant, saver.session);
    expect(saved).toMatchObject({ brand: "visa", last4: "4242" });
    expect(await listSavedCards(db, tenant, other.session)).toEqual([]);

    expect(await deleteSavedCard(db, tenant, other.session, saved!.id)).toBe(false);
    expect(await listSavedCards(db, tenant, saver.session)).toEqual([saved]);
    expect(await deleteSavedCard(db, tenant, saver.session, saved!.id)).toBe(true);
    expect(await listSavedCards(db, tenant, saver.session)).toEqual([]);
  });

  it("refunds a demo payment in parts, never beyond what was paid, and marks it posted", async () => {
    const practice = await livePractice(db, "demo");
    const { paymentId, pageId } = await demoPayment(practice, { amountCents: 10_000 });
    await submitDemoCheckout(db, pageId, { cardNumber: "4242424242424242", ...CARD });
    const refund = (amountCents: number) => refundPayment(db, { tenantId: practice.tenant.id, paymentId, amountCents, actorUserId: practice.ownerId });

    expect(await refund(4_000)).toMatchObject({ ok: true, payment: { status: "partially_refunded", refundedCents: 4_000 } });
    expect(await refund(7_000)).toMatchObject({ ok: false, code: "amount_too_large", message: "You can refund at most $60.00 of this payment." });
    expect(await refund(6_000)).toMatchObject({ ok: true, payment: { status: "refunded", refundedCents: 10_000 } });
    expect(await markPaymentPosted(db, { tenantId: practice.tenant.id, paymentId, actorUserId: practice.ownerId })).toBe(true);
    expect(await paymentRow(db, paymentId)).toMatchObject({ status: "refunded", refundedCents: 10_000 });
  });

  it("never confirms, refunds or posts another practice's payment", async () => {
    const a = await livePractice(db, "demo");
    const b = await livePractice(db, "demo");
    const { paymentId, pageId } = await demoPayment(a);
    await submitDemoCheckout(db, pageId, { cardNumber: "4242424242424242", ...CARD });
    const before = await paymentRow(db, paymentId);

    expect(await confirmPaymentOnReturn(db, b.tenant.id, paymentId)).toBeNull();
    expect(await refundPayment(db, { tenantId: b.tenant.id, paymentId, amountCents: 100, actorUserId: b.ownerId })).toMatchObject({ ok: false, code: "not_found" });
    expect(await markPaymentPosted(db, { tenantId: b.tenant.id, paymentId, actorUserId: b.ownerId })).toBe(false);
    expect(await paymentRow(db, paymentId)).toEqual(before);
    expect(await db.select().from(payments).where(and(eq(payments.tenantId, b.tenant.id)))).toEqual([]);
  });
});
