import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isStripeConfigured, stripeClient } from "@/lib/payments/stripe/client";
import { startStripeFake, type StripeFake } from "../../fakes/stripe-fake";

// The real SDK, built by our own factory, against the local fake; webhooks land on a tiny receiver.
const PLATFORM_SECRET = "whsec_platform_test";
const CONNECT_SECRET = "whsec_connect_test";
const APP = "http://demo.localhost:3000";

interface Delivery {
  endpoint: "platform" | "connect";
  raw: string;
  signature: string;
}

let fake: StripeFake;
let stripe: Stripe;
let receiver: http.Server;
const deliveries: Delivery[] = [];

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      deliveries.push({ endpoint: req.url === "/connect" ? "connect" : "platform", raw, signature: String(req.headers["stripe-signature"]) });
      res.writeHead(200, { "Content-Type": "application/json" }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  fake = await startStripeFake({
    webhookUrl: `${receiverUrl}/platform`,
    webhookSecret: PLATFORM_SECRET,
    connectWebhookUrl: `${receiverUrl}/connect`,
    connectWebhookSecret: CONNECT_SECRET,
  });
  // env() caches its first read, so these must be set before anything asks for the Stripe client.
  vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_fake");
  vi.stubEnv("STRIPE_API_BASE", fake.url);
  stripe = stripeClient()!;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

/** The verified events one endpoint received, checked with that endpoint's secret as our webhook route will. */
function eventsAt(endpoint: Delivery["endpoint"]): Stripe.Event[] {
  const secret = endpoint === "connect" ? CONNECT_SECRET : PLATFORM_SECRET;
  return deliveries.filter((d) => d.endpoint === endpoint).map((d) => stripe.webhooks.constructEvent(d.raw, d.signature, secret));
}

async function onboardedAccount(): Promise<Stripe.Account> {
  const account = await stripe.accounts.create({ type: "express", country: "US", capabilities: { card_payments: { requested: true }, transfers: { requested: true } } });
  const link = await stripe.accountLinks.create({ account: account.id, type: "account_onboarding", refresh_url: `${APP}/dashboard/payments/refresh`, return_url: `${APP}/dashboard/payments/return` });
  await fetch(link.url, { method: "POST", redirect: "manual" });
  return account;
}

function checkoutParams(paymentId: string, extra: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "payment",
    line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 12_500, product_data: { name: "Balance payment" } } }],
    success_url: `${APP}/pay/done?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${APP}/pay`,
    metadata: { payment_id: paymentId },
    payment_intent_data: { metadata: { payment_id: paymentId } },
    ...extra,
  };
}

/** Submits the fake's hosted Checkout form as a patient's browser would. */
function payOnHostedPage(session: Stripe.Checkout.Session, cardnumber: string): Promise<Response> {
  return fetch(session.url!, { method: "POST", body: new URLSearchParams({ cardnumber, expiry: "12 / 34", cvc: "123" }), redirect: "manual" });
}

describe("Stripe fake with the real SDK", () => {
  it("routes SDK calls to the fake and creates an express account that still needs onboarding", async () => {
    expect(isStripeConfigured()).toBe(true);
    const account = await stripe.accounts.create({ type: "express", country: "US", email: "office@example.com" });

    expect(account.id).toMatch(/^acct_/);
    expect(account).toMatchObject({ object: "account", type: "express", charges_enabled: false, details_submitted: false, email: "office@example.com" });
    expect(account.requirements?.currently_due?.length).toBeGreaterThan(0);
    expect(fake.requests.at(-1)).toMatchObject({ method: "POST", path: "/v1/accounts", body: { type: "express", country: "US" } });
    expect((await stripe.accounts.retrieve(account.id)).id).toBe(account.id);
  });

  it("completes onboarding on the hosted page and sends a signed account.updated to the Connect endpoint", async () => {
    const account = await stripe.accounts.create({ type: "express" });
    const link = await stripe.accountLinks.create({ account: account.id, type: "account_onboarding", refresh_url: `${APP}/refresh`, return_url: `${APP}/return?tenant=demo` });

    const form = await fetch(link.url);
    expect(await form.text()).toContain("Complete onboarding");
    const submitted = await fetch(link.url, { method: "POST", redirect: "manual" });
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get("location")).toBe(`${APP}/return?tenant=demo`);

    const event = eventsAt("connect").find((e) => e.type === "account.updated" && e.account === account.id);
    expect(event?.data.object).toMatchObject({ id: account.id, charges_enabled: true, details_submitted: true });
    expect(eventsAt("platform").some((e) => e.account === account.id)).toBe(false);
    const after = await stripe.accounts.retrieve(account.id);
    expect(after).toMatchObject({ charges_enabled: true, details_submitted: true, requirements: { currently_due: [] } });

    const loginLink = await stripe.accounts.createLoginLink(account.id);
    expect((await fetch(loginLink.url)).status).toBe(200);
  });

  it("rejects a webhook whose body was tampered with or that is checked with the wrong secret", async () => {
    const account = await onboardedAccount();
    const delivery = deliveries.find((d) => d.endpoint === "connect" && d.raw.includes(account.id))!;
    const tampered = delivery.raw.replace('"charges_enabled": true', '"charges_enabled": false');

    expect(tampered).not.toBe(delivery.raw);
    expect(() => stripe.webhooks.constructEvent(tampered, delivery.signature, CONNECT_SECRET)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => stripe.webhooks.constructEvent(delivery.raw, delivery.signature, PLATFORM_SECRET)).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it("returns the same checkout session for a repeated idempotency key and creates only one", async () => {
    const account = await onboardedAccount();
    const params = checkoutParams("pay_idem");
    const first = await stripe.checkout.sessions.create(params, { stripeAccount: account.id, idempotencyKey: "checkout-pay_idem" });
    const second = await stripe.checkout.sessions.create(params, { stripeAccount: account.id, idempotencyKey: "checkout-pay_idem" });

    expect(second.id).toBe(first.id);
    expect([...fake.state.sessions.keys()].filter((id) => fake.state.owners.get(id) === account.id)).toEqual([first.id]);
    const sent = fake.requests.filter((r) => r.path === "/v1/checkout/sessions");
    expect(sent.slice(-2).map((r) => [r.stripeAccount, r.idempotencyKey])).toEqual([
      [account.id, "checkout-pay_idem"],
      [account.id, "checkout-pay_idem"],
    ]);
    expect(sent.at(-1)?.body).toMatchObject({
      line_items: [{ price_data: { unit_amount: "12500", currency: "usd" } }],
      metadata: { payment_id: "pay_idem" },
      payment_intent_data: { metadata: { payment_id: "pay_idem" } },
    });
    expect(first).toMatchObject({ status: "open", payment_status: "unpaid", amount_total: 12_500, metadata: { payment_id: "pay_idem" } });
    await expect(
      stripe.checkout.sessions.create(checkoutParams("pay_other"), { stripeAccount: account.id, idempotencyKey: "checkout-pay_idem" }),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("keeps a connected account's session out of reach without its Stripe-Account header", async () => {
    const account = await onboardedAccount();
    const session = await stripe.checkout.sessions.create(checkoutParams("pay_scope"), { stripeAccount: account.id });

    await expect(stripe.checkout.sessions.retrieve(session.id)).rejects.toMatchObject({ type: "StripeInvalidRequestError", statusCode: 404, code: "resource_missing" });
    expect((await stripe.checkout.sessions.retrieve(session.id, {}, { stripeAccount: account.id })).id).toBe(session.id);
  });

  it("completes a session paid with 4242 on the hosted page, notifies the Connect endpoint and exposes brand and last4", async () => {
    const account = await onboardedAccount();
    const session = await stripe.checkout.sessions.create(checkoutParams("pay_4242"), { stripeAccount: account.id });
    const page = await fetch(session.url!);
    const html = await page.text();
    expect(html).toContain('<label for="cardnumber">Card number</label>');
    expect(html).toContain(`<a href="${APP}/pay">Cancel</a>`);

    const paid = await payOnHostedPage(session, "4242 4242 4242 4242");
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(`${APP}/pay/done?session_id=${session.id}`);

    const completed = eventsAt("connect").find((e) => e.type === "checkout.session.completed" && (e.data.object as Stripe.Checkout.Session).id === session.id);
    expect(completed?.account).toBe(account.id);
    expect(completed?.data.object).toMatchObject({ status: "complete", payment_status: "paid", metadata: { payment_id: "pay_4242" } });

    const read = await stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent.latest_charge", "payment_intent.payment_method"] }, { stripeAccount: account.id });
    const intent = read.payment_intent as Stripe.PaymentIntent;
    const charge = intent.latest_charge as Stripe.Charge;
    expect(read).toMatchObject({ status: "complete", payment_status: "paid" });
    expect(intent).toMatchObject({ status: "succeeded", amount_received: 12_500, metadata: { payment_id: "pay_4242" } });
    expect(charge.payment_method_details?.card).toMatchObject({ brand: "visa", last4: "4242" });
    expect((intent.payment_method as Stripe.PaymentMethod).card).toMatchObject({ brand: "visa", last4: "4242" });
    expect((await payOnHostedPage(session, "4242424242424242")).status).toBe(410);
  });

  it("re-renders the hosted page with an alert for a declined or invalid card and leaves the session open", async () => {
    const account = await onboardedAccount();
    const session = await stripe.checkout.sessions.create(checkoutParams("pay_decline"), { stripeAccount: account.id });

    const declined = await payOnHostedPage(session, "4000 0000 0000 0002");
    expect(declined.status).toBe(402);
    expect(await declined.text()).toMatch(/<p role="alert"[^>]*>Your card was declined\.<\/p>/);
    const invalid = await payOnHostedPage(session, "4242 42");
    expect(await invalid.text()).toMatch(/<p role="alert"[^>]*>Your card number is invalid\.<\/p>/);

    const read = await stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] }, { stripeAccount: account.id });
    expect(read).toMatchObject({ status: "open", payment_status: "unpaid" });
    const intent = read.payment_intent as Stripe.PaymentIntent;
    expect(intent.last_payment_error).toMatchObject({ code: "card_declined", decline_code: "generic_decline" });
    const failed = eventsAt("connect").find((e) => e.type === "payment_intent.payment_failed" && (e.data.object as Stripe.PaymentIntent).id === intent.id);
    expect(failed?.account).toBe(account.id);
  });

  it("refunds part of a payment, records it on the charge and sends charge.refunded", async () => {
    const account = await onboardedAccount();
    const session = await stripe.checkout.sessions.create(checkoutParams("pay_refund"), { stripeAccount: account.id });
    await payOnHostedPage(session, "4242424242424242");
    const intentId = (await stripe.checkout.sessions.retrieve(session.id, {}, { stripeAccount: account.id })).payment_intent as string;

    const refund = await stripe.refunds.create({ payment_intent: intentId, amount: 2_500 }, { stripeAccount: account.id });
    expect(refund).toMatchObject({ object: "refund", status: "succeeded", amount: 2_500, payment_intent: intentId });
    const intent = await stripe.paymentIntents.retrieve(intentId, { expand: ["latest_charge"] }, { stripeAccount: account.id });
    expect(intent.latest_charge).toMatchObject({ amount: 12_500, amount_refunded: 2_500, refunded: false });
    const event = eventsAt("connect").find((e) => e.type === "charge.refunded" && (e.data.object as Stripe.Charge).payment_intent === intentId);
    expect(event?.data.object).toMatchObject({ amount_refunded: 2_500 });
    await expect(stripe.refunds.create({ payment_intent: intentId, amount: 10_001 }, { stripeAccount: account.id })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "amount_too_large",
    });
  });

  it("saves a card on the customer when asked, lists it, and detaches it", async () => {
    const account = await onboardedAccount();
    const customer = await stripe.customers.create({ email: "pat@example.com", name: "Pat Patient" }, { stripeAccount: account.id });
    const session = await stripe.checkout.sessions.create(checkoutParams("pay_save", { customer: customer.id, payment_intent_data: { setup_future_usage: "off_session" } }), {
      stripeAccount: account.id,
    });
    await payOnHostedPage(session, "5555 5555 5555 4444");

    const saved = await stripe.customers.listPaymentMethods(customer.id, { type: "card" }, { stripeAccount: account.id });
    expect(saved.data.map((pm) => [pm.card?.brand, pm.card?.last4])).toEqual([["mastercard", "4444"]]);
    await stripe.paymentMethods.detach(saved.data[0]!.id, {}, { stripeAccount: account.id });
    expect((await stripe.customers.listPaymentMethods(customer.id, {}, { stripeAccount: account.id })).data).toEqual([]);
  });

  it("sends platform checkout events to the platform endpoint without an account field", async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams("pay_platform"));
    await payOnHostedPage(session, "4242424242424242");

    const completed = eventsAt("platform").find((e) => e.type === "checkout.session.completed" && (e.data.object as Stripe.Checkout.Session).id === session.id);
    expect(completed).toBeDefined();
    expect(completed).not.toHaveProperty("account");
  });

  it("sends events on demand and redelivers one with the same id and body", async () => {
    const account = await onboardedAccount();
    const sent = await fake.sendEvent({ type: "account.updated", object: { id: account.id, object: "account", charges_enabled: false }, account: account.id });
    expect(sent.status).toBe(200);
    expect(sent.event).toMatchObject({ object: "event", type: "account.updated", account: account.id, livemode: false, api_version: Stripe.API_VERSION });
    const again = await fake.redeliver(sent.event.id);

    const received = eventsAt("connect").filter((e) => e.id === sent.event.id);
    expect(received).toHaveLength(2);
    expect(received[1]).toEqual(received[0]);
    expect(again.status).toBe(200);
  });

  it("turns unknown ids, missing parameters and unknown accounts into the SDK's typed errors", async () => {
    await expect(stripe.checkout.sessions.retrieve("cs_test_missing")).rejects.toMatchObject({ type: "StripeInvalidRequestError", statusCode: 404, code: "resource_missing" });
    await expect(stripe.checkout.sessions.create({ ...checkoutParams("pay_bad"), success_url: undefined })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "parameter_missing",
      param: "success_url",
    });
    await expect(stripe.customers.create({}, { stripeAccount: "acct_doesnotexist" })).rejects.toBeInstanceOf(Stripe.errors.StripePermissionError);
    const account = await stripe.accounts.create({ type: "express" });
    await expect(stripe.checkout.sessions.create(checkoutParams("pay_early"), { stripeAccount: account.id })).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await stripe.accounts.del(account.id);
    await expect(stripe.accounts.retrieve(account.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it("expires an open session and refuses to expire it twice", async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams("pay_expire"));
    const expired = await stripe.checkout.sessions.expire(session.id);

    expect(expired).toMatchObject({ status: "expired", url: null });
    expect(eventsAt("platform").some((e) => e.type === "checkout.session.expired" && (e.data.object as Stripe.Checkout.Session).id === session.id)).toBe(true);
    expect((await fetch(session.url!)).status).toBe(410);
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });
});
