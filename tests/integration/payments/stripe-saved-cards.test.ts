import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { processorCustomers } from "@/db/schema";
import { deleteSavedCard, listSavedCards, startAddCard } from "@/lib/payments/saved-cards";
import { startPatientPayment } from "@/lib/payments/start-payment";
import { livePractice, paymentRow, patientSession, payingPatient, payOnStripeCheckout, startPaymentFakes, type Fakes } from "./payment-harness";

// Pay and Verify: saved cards live on the patient's Customer on the practice's connected account.

let fakes: Fakes;
let db: Database;

beforeAll(async () => {
  fakes = await startPaymentFakes();
  db = await getDb();
});

afterAll(async () => {
  await fakes?.close();
});

async function customerRows(tenantId: string, patientId: string) {
  return db
    .select()
    .from(processorCustomers)
    .where(and(eq(processorCustomers.tenantId, tenantId), eq(processorCustomers.patientId, patientId)));
}

describe("saved cards", () => {
  it("saves the card a verified patient pays with when they ask, on their own customer on the practice's account", async () => {
    const practice = await livePractice(db, "stripe");
    const { tenant } = practice;
    const { patient, session } = await payingPatient(db, tenant, { verified: true });

    const started = await startPatientPayment(db, { tenant, session, amountCents: 8_000, source: "portal", saveCard: true });
    if (!started.ok) throw new Error(started.code);

    const [customer] = await customerRows(tenant.id, patient.id);
    expect(customer).toMatchObject({ processorKind: "stripe", externalAccountId: practice.accountId });
    expect(fakes.stripe.state.owners.get(customer!.customerId)).toBe(practice.accountId);
    const create = fakes.stripe.requests.find((r) => r.path === "/v1/checkout/sessions" && r.idempotencyKey === `checkout:${started.paymentId}`);
    expect(create).toMatchObject({ stripeAccount: practice.accountId, body: { customer: customer!.customerId, payment_intent_data: { setup_future_usage: "on_session" } } });
    expect(await listSavedCards(db, tenant, session)).toEqual([]);

    await payOnStripeCheckout(started.redirectUrl, "5555 5555 5555 4444");

    expect(await paymentRow(db, started.paymentId)).toMatchObject({ status: "succeeded", saveCard: true, cardBrand: "mastercard" });
    expect(await listSavedCards(db, tenant, session)).toEqual([{ id: expect.stringMatching(/^pm_/), brand: "mastercard", last4: "4444", expMonth: 12, expYear: 2034 }]);
  });

  it("doesn't keep the card of a verified patient who didn't ask, and reuses their customer on a later visit", async () => {
    const practice = await livePractice(db, "stripe");
    const { tenant } = practice;
    const { patient, session } = await payingPatient(db, tenant, { verified: true });
    const first = await startPatientPayment(db, { tenant, session, amountCents: 3_000, source: "portal" });
    if (!first.ok) throw new Error(first.code);
    await payOnStripeCheckout(first.redirectUrl, "4242424242424242");
    const laterVisit = await patientSession(db, tenant, patient, { verified: true });

    const second = await startPatientPayment(db, { tenant, session: laterVisit, amountCents: 3_000, source: "portal" });

    expect(second).toMatchObject({ ok: true });
    expect(await listSavedCards(db, tenant, session)).toEqual([]);
    const creates = fakes.stripe.requests.filter((r) => r.path === "/v1/customers" && r.stripeAccount === practice.accountId);
    expect(creates.map((r) => r.idempotencyKey)).toEqual([`customer:${practice.accountId}:${patient.id}`]);
    expect(await customerRows(tenant.id, patient.id)).toHaveLength(1);
    const [customer] = await customerRows(tenant.id, patient.id);
    const create = fakes.stripe.requests.find((r) => r.path === "/v1/checkout/sessions" && r.idempotencyKey === `checkout:${(second as { paymentId: string }).paymentId}`);
    expect(create?.body.customer).toBe(customer!.customerId);
  });

  it("adds a card through Checkout in setup mode, lists it, and offers the saved cards on the next Checkout", async () => {
    const practice = await livePractice(db, "stripe");
    const { tenant } = practice;
    const { patient, session } = await payingPatient(db, tenant, { verified: true });

    const adding = await startAddCard(db, tenant, session);

    if (!adding.ok) throw new Error(adding.code);
    const [customer] = await customerRows(tenant.id, patient.id);
    const setup = fakes.stripe.requests.find((r) => r.path === "/v1/checkout/sessions" && r.body.mode === "setup" && r.body.customer === customer!.customerId);
    expect(setup).toMatchObject({
      stripeAccount: practice.accountId,
      body: { currency: "usd", success_url: `http://${tenant.slug}.localhost:3000/balance?card=added`, cancel_url: `http://${tenant.slug}.localhost:3000/balance?card=canceled` },
    });
    const saved = await payOnStripeCheckout(adding.redirectUrl, "4242 4242 4242 4242");
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`http://${tenant.slug}.localhost:3000/balance?card=added`);
    // The setup session's completion event is acknowledged and changes no payment.
    expect(fakes.stripe.deliveries.find((d) => d.event.type === "checkout.session.completed" && (d.event.data.object as { mode: string; customer: string }).customer === customer!.customerId)).toMatchObject({ status: 200 });

    const cards = await listSavedCards(db, tenant, session);
    expect(cards).toEqual([{ id: expect.stringMatching(/^pm_/), brand: "visa", last4: "4242", expMonth: 12, expYear: 2034 }]);

    const paying = await startPatientPayment(db, { tenant, session, amountCents: 4_000, source: "portal", savedPaymentMethodId: cards[0]!.id });
    if (!paying.ok) throw new Error(paying.code);
    const create = fakes.stripe.requests.find((r) => r.path === "/v1/checkout/sessions" && r.idempotencyKey === `checkout:${paying.paymentId}`);
    expect(create?.body).toMatchObject({ customer: customer!.customerId, saved_payment_method_options: { allow_redisplay_filters: ["always", "limited", "unspecified"] } });
  });

  it("deletes the patient's own card and refuses one on another patient's customer", async () => {
    const practice = await livePractice(db, "stripe");
    const { tenant } = practice;
    const mine = await payingPatient(db, tenant, { verified: true });
    const theirs = await payingPatient(db, tenant, { verified: true });
    for (const who of [mine, theirs]) {
      const adding = await startAddCard(db, tenant, who.session);
      if (!adding.ok) throw new Error(adding.code);
      await payOnStripeCheckout(adding.redirectUrl, "4242424242424242");
    }
    const [myCard] = await listSavedCards(db, tenant, mine.session);
    const [theirCard] = await listSavedCards(db, tenant, theirs.session);

    expect(await deleteSavedCard(db, tenant, mine.session, theirCard!.id)).toBe(false);
    expect(await deleteSavedCard(db, tenant, mine.session, "pm_1NoSuchCard")).toBe(false);
    expect(await listSavedCards(db, tenant, theirs.session)).toEqual([theirCard]);
    expect(fakes.stripe.requests.filter((r) => r.path === `/v1/payment_methods/${theirCard!.id}/detach`)).toEqual([]);

    expect(await deleteSavedCard(db, tenant, mine.session, myCard!.id)).toBe(true);
    expect(await listSavedCards(db, tenant, mine.session)).toEqual([]);
  });

  it("offers none of it before the patient is verified", async () => {
    const practice = await livePractice(db, "stripe");
    const { tenant } = practice;
    const { patient, session } = await payingPatient(db, tenant);

    expect(await listSavedCards(db, tenant, session)).toEqual([]);
    expect(await startAddCard(db, tenant, session)).toEqual({ ok: false, code: "not_verified" });
    expect(await deleteSavedCard(db, tenant, session, "pm_anything")).toBe(false);
    expect(await customerRows(tenant.id, patient.id)).toEqual([]);
  });

  it("never shows one practice's saved cards to a session on another practice", async () => {
    const a = await livePractice(db, "stripe");
    const b = await livePractice(db, "stripe");
    const { session } = await payingPatient(db, a.tenant, { verified: true });
    const adding = await startAddCard(db, a.tenant, session);
    if (!adding.ok) throw new Error(adding.code);
    await payOnStripeCheckout(adding.redirectUrl, "4242424242424242");
    const [card] = await listSavedCards(db, a.tenant, session);

    expect(await listSavedCards(db, b.tenant, session)).toEqual([]);
    expect(await deleteSavedCard(db, b.tenant, session, card!.id)).toBe(false);
    expect(await startAddCard(db, b.tenant, session)).toEqual({ ok: false, code: "not_verified" });
    expect(await listSavedCards(db, a.tenant, session)).toEqual([card]);
  });
});
