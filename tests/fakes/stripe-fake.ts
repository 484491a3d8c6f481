// A local stand-in for the parts of Stripe that Chairside uses, so tests and e2e runs work offline.
// The real `stripe` SDK talks to it (STRIPE_API_BASE, see lib/payments/stripe/client.ts). Every object
// starts as Stripe's own published sample (fixtures3.json) with our fields laid over it, so shapes
// match the real API; the hosted pages stand in for Connect onboarding and Checkout.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Stripe from "stripe";
import { z } from "zod";

export interface StripeFakeOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Platform webhook endpoint and its signing secret. */
  webhookUrl?: string;
  webhookSecret?: string;
  /** Connect webhook endpoint: events that happen on connected accounts (direct charges, account.updated). */
  connectWebhookUrl?: string;
  connectWebhookSecret?: string;
  /** Base of the hosted-page links handed out (Checkout, onboarding); defaults to the fake's own URL. */
  publicUrl?: string;
}

type FormValue = string | FormValue[] | FormRecord;
export interface FormRecord {
  [key: string]: FormValue;
}

export interface RecordedStripeRequest {
  method: string;
  path: string;
  query: FormRecord;
  body: FormRecord;
  headers: IncomingHttpHeaders;
  stripeAccount: string | null;
  idempotencyKey: string | null;
}

export interface StripeFakeState {
  accounts: Map<string, Stripe.Account>;
  sessions: Map<string, Stripe.Checkout.Session>;
  paymentIntents: Map<string, Stripe.PaymentIntent>;
  charges: Map<string, Stripe.Charge>;
  paymentMethods: Map<string, Stripe.PaymentMethod>;
  refunds: Map<string, Stripe.Refund>;
  customers: Map<string, Stripe.Customer>;
  /** Created when a setup-mode Checkout Session is completed. */
  setupIntents: Map<string, Stripe.SetupIntent>;
  /** One per successful charge, carrying Stripe's fee (2.9% + 30¢ here). */
  balanceTransactions: Map<string, Stripe.BalanceTransaction>;
  /** Every event built, in order (delivered or not). */
  events: Stripe.Event[];
  /** Object id → the connected account it lives on; objects absent here belong to the platform. */
  owners: Map<string, string>;
}

export type WebhookTarget = "platform" | "connect";

export interface SendEventInput {
  type: string;
  object: object;
  /** Connected account the event happened on; sets `event.account` and defaults the target to "connect". */
  account?: string;
  target?: WebhookTarget;
  /** Force an event id (e.g. to send two events with one id). */
  id?: string;
  previousAttributes?: object;
}

export interface EventDelivery {
  event: Stripe.Event;
  url: string;
  /** null when the endpoint could not be reached (`body` then holds the error). */
  status: number | null;
  body: string;
}

export interface StripeFake {
  url: string;
  port: number;
  requests: RecordedStripeRequest[];
  state: StripeFakeState;
  /** Every webhook POST attempted, in order. */
  deliveries: EventDelivery[];
  /** Builds a Stripe-shaped event, signs it and POSTs it to the matching endpoint (throws if none is configured). */
  sendEvent(input: SendEventInput): Promise<EventDelivery>;
  /** POSTs an already-sent event again, byte for byte (freshly signed), as Stripe's retries do. */
  redeliver(eventId: string, target?: WebhookTarget): Promise<EventDelivery>;
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 and resolves once it is listening. */
export async function startStripeFake(opts: StripeFakeOptions = {}): Promise<StripeFake> {
  for (const [url, secret, name] of [
    [opts.webhookUrl, opts.webhookSecret, "webhookSecret"],
    [opts.connectWebhookUrl, opts.connectWebhookSecret, "connectWebhookSecret"],
  ] as const) {
    if (url && !secret) throw new Error(`Stripe fake: ${name} is required when its webhook URL is set`);
  }
  const fake = new FakeStripe(opts);
  const server = http.createServer((req, res) => {
    fake.handle(req, res).catch((err: unknown) => {
      console.error("Stripe fake:", err);
      if (!res.headersSent) sendJson(res, 500, { error: { type: "api_error", message: "The Stripe fake crashed; see its log." } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  fake.publicUrl = (opts.publicUrl ?? url).replace(/\/$/, "");
  return {
    url,
    port,
    requests: fake.requests,
    state: fake.state,
    deliveries: fake.deliveries,
    sendEvent: (input) => fake.sendEvent(input),
    redeliver: (eventId, target) => fake.redeliver(eventId, target),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Samples, ids, errors, form bodies

// The samples live beside the repo (../shared, as on every dev and CI machine); STRIPE_FIXTURES_PATH overrides.
const FIXTURES_PATH = process.env.STRIPE_FIXTURES_PATH ?? path.resolve(import.meta.dirname, "../../../shared/fixtures/stripe/fixtures3.json");
let samples: Record<string, unknown> | undefined;

/** A fresh copy of Stripe's published sample of one API object (`account`, `checkout.session`, …). */
function sample<T>(name: string): T {
  samples ??= (JSON.parse(fs.readFileSync(FIXTURES_PATH, "utf8")) as { resources: Record<string, unknown> }).resources;
  const found = samples[name];
  if (!found) throw new Error(`Stripe fake: no sample "${name}" in ${FIXTURES_PATH}`);
  return structuredClone(found) as T;
}

function newId(prefix: string, length = 24): string {
  return prefix + randomBytes(length).toString("base64url").replace(/[-_]/g, "x").slice(0, length);
}

const now = () => Math.floor(Date.now() / 1000);

class FakeError extends Error {
  constructor(
    readonly status: number,
    readonly body: { type: string; message: string; code?: string; param?: string; decline_code?: string },
  ) {
    super(body.message);
  }
}

function invalidRequest(message: string, extra: { param?: string; code?: string; status?: number } = {}): FakeError {
  const { status = 400, ...rest } = extra;
  return new FakeError(status, { type: "invalid_request_error", message, ...rest });
}

/** 404 for an id in the URL; 400 for an id passed as a parameter, as Stripe does. */
function noSuch(noun: string, id: string, param?: string): FakeError {
  return invalidRequest(`No such ${noun}: '${id}'`, { code: "resource_missing", param, status: param ? 400 : 404 });
}

const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Stripe's form encoding (`metadata[a]=1`, `line_items[0][quantity]=1`, `expand[]=x`) → nested records and arrays. */
function parseForm(raw: string): FormRecord {
  const root: FormRecord = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const segments = [key.replace(/\[.*$/, ""), ...Array.from(key.matchAll(/\[([^\]]*)\]/g), (m) => m[1] ?? "")];
    if (segments.some((s) => UNSAFE_KEYS.has(s))) continue;
    let node = root as Record<string, FormValue>;
    for (const [i, segment] of segments.entries()) {
      const slot = Array.isArray(node) && segment === "" ? String(node.length) : segment;
      const next = segments[i + 1];
      if (next === undefined) {
        node[slot] = value;
        break;
      }
      const existing = node[slot];
      const child = typeof existing === "object" ? existing : (node[slot] = next === "" || /^\d+$/.test(next) ? [] : {});
      node = child as Record<string, FormValue>;
    }
  }
  return root;
}

/** Validates parameters with zod and turns the first problem into Stripe's error for it. */
function parseParams<T extends z.ZodType>(schema: T, params: FormRecord): z.output<T> {
  const result = schema.safeParse(params, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const param = issue.path.map((p, i) => (i === 0 ? String(p) : `[${String(p)}]`)).join("");
  if (issue.code === "invalid_type" && issue.input === undefined) {
    throw invalidRequest(`Missing required param: ${param}.`, { param, code: "parameter_missing" });
  }
  throw invalidRequest(`Invalid ${param}: ${issue.message}`, { param });
}

// Unknown parameters are ignored rather than refused: the SDK's types already catch typos at compile time.
const integer = z
  .string()
  .regex(/^-?\d+$/, "must be an integer")
  .transform(Number);
const metadata = z.record(z.string(), z.string()).optional();

const accountParams = z.object({
  type: z.enum(["standard", "express", "custom"]),
  country: z.string().length(2).optional(),
  email: z.string().optional(),
  business_type: z.string().optional(),
  business_profile: z.object({ name: z.string().optional(), url: z.string().optional(), support_email: z.string().optional() }).optional(),
  capabilities: z.record(z.string(), z.object({ requested: z.string().optional() })).optional(),
  metadata,
});

const accountLinkParams = z.object({
  account: z.string(),
  refresh_url: z.url(),
  return_url: z.url(),
  type: z.enum(["account_onboarding", "account_update"]),
});

const checkoutParams = z.object({
  mode: z.enum(["payment", "setup"]),
  /** Setup mode only (payment mode takes it from the line items). */
  currency: z.string().length(3).optional(),
  line_items: z
    .array(
      z.object({
        quantity: integer.pipe(z.number().min(1)),
        price_data: z.object({
          currency: z.string().length(3),
          unit_amount: integer.pipe(z.number().min(0)),
          product_data: z.object({ name: z.string().min(1), description: z.string().optional() }),
        }),
      }),
    )
    .min(1)
    .optional(),
  success_url: z.url(),
  cancel_url: z.url().optional(),
  customer: z.string().optional(),
  customer_email: z.string().optional(),
  client_reference_id: z.string().optional(),
  expires_at: integer.optional(),
  metadata,
  payment_intent_data: z
    .object({
      metadata,
      description: z.string().optional(),
      receipt_email: z.string().optional(),
      setup_future_usage: z.enum(["on_session", "off_session"]).optional(),
    })
    .optional(),
});

const customerParams = z.object({
  email: z.string().optional(),
  name: z.string().optional(),
  phone: z.string().optional(),
  description: z.string().optional(),
  metadata,
});

const refundParams = z.object({
  payment_intent: z.string().optional(),
  charge: z.string().optional(),
  amount: integer.pipe(z.number().min(1)).optional(),
  reason: z.enum(["duplicate", "fraudulent", "requested_by_customer"]).optional(),
  metadata,
});

// ---------------------------------------------------------------------------------------------
// Test cards, as documented at https://docs.stripe.com/testing

interface TestCard {
  brand: string;
  last4: string;
  decline?: { code: string; message: string };
}
const TEST_CARDS: Record<string, TestCard> = {
  "4242424242424242": { brand: "visa", last4: "4242" },
  "5555555555554444": { brand: "mastercard", last4: "4444" },
  "4000000000000002": { brand: "visa", last4: "0002", decline: { code: "generic_decline", message: "Your card was declined." } },
  "4000000000009995": { brand: "visa", last4: "9995", decline: { code: "insufficient_funds", message: "Your card has insufficient funds." } },
};

type CardInput = { card: TestCard; expMonth: number; expYear: number } | { error: string };

function readCard(form: FormRecord): CardInput {
  const card = TEST_CARDS[String(form.cardnumber ?? "").replace(/[\s-]/g, "")];
  if (!card) return { error: "Your card number is invalid." };
  const expiry = String(form.expiry ?? "").replace(/\D/g, "");
  const expMonth = Number(expiry.slice(0, 2));
  const expYear = 2000 + Number(expiry.slice(2));
  if (expiry.length !== 4 || expMonth < 1 || expMonth > 12) return { error: "Your card's expiration date is incomplete." };
  const today = new Date();
  if (expYear * 12 + expMonth < today.getFullYear() * 12 + today.getMonth() + 1) return { error: "Your card's expiration date is in the past." };
  if (!/^\d{3,4}$/.test(String(form.cvc ?? "").trim())) return { error: "Your card's security code is incomplete." };
  return { card, expMonth, expYear };
}

// ---------------------------------------------------------------------------------------------
// The fake itself

interface Ctx {
  /** The id captured from the URL, if the route has one. */
  id: string;
  params: FormRecord;
  /** The Stripe-Account header: the connected account this call acts on, or null for the platform. */
  account: string | null;
  expand: string[];
  request: { id: string | null; idempotency_key: string | null };
}

interface Route {
  method: string;
  path: RegExp;
  run: (ctx: Ctx) => unknown;
}

interface CheckoutExtras {
  lineItems: Array<{ name: string; quantity: number; unitAmount: number }>;
  paymentIntentData: z.output<typeof checkoutParams>["payment_intent_data"];
}

class FakeStripe {
  readonly state: StripeFakeState = {
    accounts: new Map(),
    sessions: new Map(),
    paymentIntents: new Map(),
    charges: new Map(),
    paymentMethods: new Map(),
    refunds: new Map(),
    customers: new Map(),
    setupIntents: new Map(),
    balanceTransactions: new Map(),
    events: [],
    owners: new Map(),
  };
  readonly requests: RecordedStripeRequest[] = [];
  readonly deliveries: EventDelivery[] = [];
  publicUrl = "";
  private readonly idempotent = new Map<string, { fingerprint: string; body: unknown }>();
  private readonly checkoutExtras = new Map<string, CheckoutExtras>();

  constructor(private readonly opts: StripeFakeOptions) {}

  private readonly routes: Route[] = [
    { method: "POST", path: /^\/v1\/accounts$/, run: (c) => this.createAccount(c) },
    { method: "GET", path: /^\/v1\/accounts\/([^/]+)$/, run: (c) => this.view(this.findAccount(c.id), c) },
    { method: "DELETE", path: /^\/v1\/accounts\/([^/]+)$/, run: (c) => this.deleteAccount(c) },
    { method: "POST", path: /^\/v1\/accounts\/([^/]+)\/login_links$/, run: (c) => this.createLoginLink(c) },
    { method: "POST", path: /^\/v1\/account_links$/, run: (c) => this.createAccountLink(c) },
    { method: "POST", path: /^\/v1\/checkout\/sessions$/, run: (c) => this.createCheckoutSession(c) },
    { method: "GET", path: /^\/v1\/checkout\/sessions\/([^/]+)$/, run: (c) => this.view(this.find(this.state.sessions, "checkout.session", c.account, c.id), c) },
    { method: "POST", path: /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/, run: (c) => this.expireCheckoutSession(c) },
    { method: "POST", path: /^\/v1\/customers$/, run: (c) => this.createCustomer(c) },
    { method: "GET", path: /^\/v1\/customers\/([^/]+)$/, run: (c) => this.view(this.find(this.state.customers, "customer", c.account, c.id), c) },
    { method: "GET", path: /^\/v1\/customers\/([^/]+)\/payment_methods$/, run: (c) => this.listPaymentMethods(c, c.id) },
    { method: "GET", path: /^\/v1\/payment_methods$/, run: (c) => this.listPaymentMethods(c, String(c.params.customer ?? "")) },
    { method: "GET", path: /^\/v1\/payment_methods\/([^/]+)$/, run: (c) => this.view(this.find(this.state.paymentMethods, "payment_method", c.account, c.id), c) },
    { method: "POST", path: /^\/v1\/payment_methods\/([^/]+)\/detach$/, run: (c) => this.detachPaymentMethod(c) },
    { method: "GET", path: /^\/v1\/payment_intents\/([^/]+)$/, run: (c) => this.view(this.find(this.state.paymentIntents, "payment_intent", c.account, c.id), c) },
    { method: "GET", path: /^\/v1\/charges\/([^/]+)$/, run: (c) => this.view(this.find(this.state.charges, "charge", c.account, c.id), c) },
    { method: "POST", path: /^\/v1\/refunds$/, run: (c) => this.createRefund(c) },
    { method: "GET", path: /^\/v1\/setup_intents\/([^/]+)$/, run: (c) => this.view(this.find(this.state.setupIntents, "setup_intent", c.account, c.id), c) },
    { method: "GET", path: /^\/v1\/balance_transactions\/([^/]+)$/, run: (c) => this.view(this.find(this.state.balanceTransactions, "balance_transaction", c.account, c.id), c) },
    { method: "GET", path: /^\/v1\/refunds\/([^/]+)$/, run: (c) => this.view(this.find(this.state.refunds, "refund", c.account, c.id), c) },
  ];

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const raw = await readBody(req);
    const header = (name: string) => (typeof req.headers[name] === "string" ? (req.headers[name] as string) : null);
    const record: RecordedStripeRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: parseForm(url.search.slice(1)),
      body: parseForm(raw),
      headers: req.headers,
      stripeAccount: header("stripe-account"),
      idempotencyKey: header("idempotency-key"),
    };
    this.requests.push(record);
    if (url.pathname.startsWith("/v1/")) return this.handleApi(record, raw, res);
    return this.handleHostedPage(record, url, res);
  }

  // --- API plumbing: auth, connected-account scope, idempotency, errors ------------------------

  private async handleApi(rec: RecordedStripeRequest, raw: string, res: ServerResponse): Promise<void> {
    const requestId = newId("req_", 14);
    const reply = (status: number, body: unknown, extra: Record<string, string> = {}) =>
      sendJson(res, status, body, {
        "Request-Id": requestId,
        "Stripe-Version": String(rec.headers["stripe-version"] ?? Stripe.API_VERSION),
        ...(rec.stripeAccount && { "Stripe-Account": rec.stripeAccount }),
        ...(rec.idempotencyKey && { "Idempotency-Key": rec.idempotencyKey }),
        ...extra,
      });
    try {
      const key = apiKey(rec.headers.authorization);
      if (!key) throw invalidRequest("You did not provide an API key.", { status: 401 });
      if (!/^(sk|rk)_test_\S+$/.test(key)) throw invalidRequest("Invalid API Key provided: this fake accepts test-mode keys only.", { status: 401 });
      if (rec.stripeAccount && !this.state.accounts.has(rec.stripeAccount)) {
        throw invalidRequest(`The provided key does not have access to account '${rec.stripeAccount}' (or that account does not exist).`, { status: 403, code: "account_invalid" });
      }
      // Stripe scopes keys per account and only replays requests it executed successfully.
      const replayKey = rec.method === "POST" && rec.idempotencyKey ? `${rec.stripeAccount ?? "platform"} ${rec.idempotencyKey}` : null;
      const fingerprint = `${rec.method} ${rec.path} ${raw}`;
      const saved = replayKey ? this.idempotent.get(replayKey) : undefined;
      if (saved) {
        if (saved.fingerprint !== fingerprint) {
          throw new FakeError(400, {
            type: "idempotency_error",
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${rec.idempotencyKey}' if you meant to execute a different request.`,
          });
        }
        return reply(200, saved.body, { "Idempotent-Replayed": "true" });
      }
      const route = this.routes.find((r) => r.method === rec.method && r.path.test(rec.path));
      if (!route) throw invalidRequest(`Unrecognized request URL (${rec.method}: ${rec.path}).`, { status: 404 });
      const params = rec.method === "GET" || rec.method === "DELETE" ? rec.query : rec.body;
      const body = await route.run({
        id: decodeURIComponent(route.path.exec(rec.path)?.[1] ?? ""),
        params,
        account: rec.stripeAccount,
        expand: Array.isArray(params.expand) ? params.expand.filter((e): e is string => typeof e === "string") : [],
        request: { id: requestId, idempotency_key: rec.idempotencyKey },
      });
      if (replayKey) this.idempotent.set(replayKey, { fingerprint, body });
      return reply(200, body);
    } catch (err) {
      if (err instanceof FakeError) return reply(err.status, { error: err.body });
      throw err;
    }
  }

  /** Finds an object visible to the caller: platform objects without Stripe-Account, a connected account's with it. */
  private find<T>(store: Map<string, T>, noun: string, account: string | null, id: string, param?: string): T {
    const found = store.get(id);
    if (!found || (this.state.owners.get(id) ?? null) !== account) throw noSuch(noun, id, param);
    return found;
  }

  private findAccount(id: string, param?: string): Stripe.Account {
    const account = this.state.accounts.get(id);
    if (!account) throw noSuch("account", id, param);
    return account;
  }

  /** What the API returns: a snapshot (never the live object) with the requested `expand` paths filled in. */
  private view<T>(object: T, ctx: Pick<Ctx, "expand">): T {
    const copy = structuredClone(object);
    for (const p of ctx.expand) this.expandPath(copy as Record<string, unknown>, p.split("."));
    return copy;
  }

  private expandPath(target: Record<string, unknown>, [head, ...rest]: string[]): void {
    if (!head) return;
    let value = target[head];
    if (typeof value === "string") {
      const found = this.lookup(value);
      if (found) value = target[head] = structuredClone(found);
    }
    if (value && typeof value === "object") this.expandPath(value as Record<string, unknown>, rest);
  }

  private lookup(id: string): unknown {
    const { accounts, sessions, paymentIntents, charges, paymentMethods, refunds, customers, setupIntents, balanceTransactions } = this.state;
    for (const store of [accounts, sessions, paymentIntents, charges, paymentMethods, refunds, customers, setupIntents, balanceTransactions] as Map<string, unknown>[]) {
      if (store.has(id)) return store.get(id);
    }
    return undefined;
  }

  private own(id: string, account: string | null): void {
    if (account) this.state.owners.set(id, account);
  }

  // --- Connect -------------------------------------------------------------------------------

  private createAccount(ctx: Ctx): Stripe.Account {
    const p = parseParams(accountParams, ctx.params);
    const base = sample<Stripe.Account>("account");
    const id = newId("acct_1", 15);
    const capabilities = Object.keys(p.capabilities ?? { card_payments: {}, transfers: {} });
    const account: Stripe.Account = {
      ...base,
      id,
      type: p.type,
      created: now(),
      country: p.country ?? "US",
      email: p.email ?? null,
      business_type: (p.business_type ?? null) as Stripe.Account.BusinessType | null,
      business_profile: { ...base.business_profile!, name: p.business_profile?.name ?? null, url: p.business_profile?.url ?? null, support_email: p.business_profile?.support_email ?? null },
      capabilities: Object.fromEntries(capabilities.map((c) => [c, "inactive"])) as Stripe.Account.Capabilities,
      // Express accounts are controlled by the platform application; Stripe collects requirements.
      controller:
        p.type === "standard"
          ? base.controller
          : { type: "application", is_controller: true, fees: { payer: "application" }, losses: { payments: "application" }, requirement_collection: "stripe", stripe_dashboard: { type: p.type === "express" ? "express" : "none" } },
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      external_accounts: { ...base.external_accounts!, url: `/v1/accounts/${id}/external_accounts` },
      metadata: p.metadata ?? {},
    };
    this.state.accounts.set(id, account);
    return this.view(account, ctx);
  }

  private deleteAccount(ctx: Ctx): Stripe.DeletedAccount {
    this.findAccount(ctx.id);
    this.state.accounts.delete(ctx.id);
    return { ...sample<Stripe.DeletedAccount>("deleted_account"), id: ctx.id };
  }

  private createAccountLink(ctx: Ctx): Stripe.AccountLink {
    const p = parseParams(accountLinkParams, ctx.params);
    this.findAccount(p.account, "account");
    const url = new URL(`${this.publicUrl}/hosted/onboarding/${p.account}`);
    url.searchParams.set("return_url", p.return_url);
    url.searchParams.set("refresh_url", p.refresh_url);
    return { ...sample<Stripe.AccountLink>("account_link"), created: now(), expires_at: now() + 300, url: url.toString() };
  }

  private createLoginLink(ctx: Ctx): Stripe.LoginLink {
    const account = this.findAccount(ctx.id);
    if (account.type !== "express") throw invalidRequest("Login links can only be created for Express accounts.");
    if (!account.details_submitted) throw invalidRequest("Cannot create a login link for an account that has not completed onboarding.");
    return { ...sample<Stripe.LoginLink>("login_link"), created: now(), url: `${this.publicUrl}/hosted/express/${account.id}` };
  }

  /** What submitting Stripe's onboarding form amounts to: the account becomes able to take payments. */
  private async completeOnboarding(account: Stripe.Account): Promise<void> {
    const previousAttributes = { charges_enabled: account.charges_enabled, details_submitted: account.details_submitted, payouts_enabled: account.payouts_enabled, requirements: structuredClone(account.requirements) };
    account.charges_enabled = true;
    account.details_submitted = true;
    account.payouts_enabled = true;
    account.capabilities = Object.fromEntries(Object.keys(account.capabilities ?? {}).map((c) => [c, "active"])) as Stripe.Account.Capabilities;
    account.requirements = { ...account.requirements!, currently_due: [], eventually_due: [], past_due: [], disabled_reason: null };
    await this.emit("account.updated", account, account.id, { previousAttributes });
  }

  // --- Checkout --------------------------------------------------------------------------------

  private createCheckoutSession(ctx: Ctx): Stripe.Checkout.Session {
    const p = parseParams(checkoutParams, ctx.params);
    if (ctx.account && !this.findAccount(ctx.account).charges_enabled) {
      throw invalidRequest(`The account ${ctx.account} cannot accept payments yet: it has not completed onboarding (charges_enabled is false).`);
    }
    if (p.customer) this.find(this.state.customers, "customer", ctx.account, p.customer, "customer");
    const setup = p.mode === "setup";
    if (!setup && !p.line_items) throw invalidRequest("Missing required param: line_items.", { param: "line_items", code: "parameter_missing" });
    if (setup && p.line_items) throw invalidRequest("You cannot pass `line_items` in `setup` mode.", { param: "line_items" });
    if (setup && !p.currency) throw invalidRequest("Missing required param: currency.", { param: "currency", code: "parameter_missing" });
    const lineItems = p.line_items ?? [];
    const currency = (setup ? p.currency! : lineItems[0]!.price_data.currency).toLowerCase();
    if (lineItems.some((li) => li.price_data.currency.toLowerCase() !== currency)) {
      throw invalidRequest("All line_items must use the same currency.", { param: "line_items" });
    }
    const total = lineItems.reduce((sum, li) => sum + li.price_data.unit_amount * li.quantity, 0);
    if (!setup && total < 50) throw invalidRequest("The Checkout Session's total amount due must add up to at least $0.50 usd", { code: "amount_too_small" });
    const base = sample<Stripe.Checkout.Session>("checkout.session");
    const id = newId("cs_test_a1", 56);
    const session: Stripe.Checkout.Session = {
      ...base,
      id,
      created: now(),
      expires_at: p.expires_at ?? now() + 24 * 3600,
      mode: p.mode,
      status: "open",
      payment_status: setup ? "no_payment_required" : "unpaid",
      // Since API 2022-08-01 the PaymentIntent only exists once the customer tries to pay.
      payment_intent: null,
      setup_intent: null,
      amount_subtotal: setup ? null : total,
      amount_total: setup ? null : total,
      currency,
      customer: p.customer ?? null,
      customer_email: p.customer_email ?? null,
      customer_details: null,
      client_reference_id: p.client_reference_id ?? null,
      metadata: p.metadata ?? {},
      success_url: p.success_url,
      cancel_url: p.cancel_url ?? null,
      url: `${this.publicUrl}/hosted/checkout/${id}`,
      after_expiration: null,
      collected_information: null,
      currency_conversion: null,
      custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
      invoice_creation: null,
      payment_method_configuration_details: null,
      shipping_address_collection: null,
      shipping_cost: null,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    };
    this.state.sessions.set(id, session);
    this.own(id, ctx.account);
    this.checkoutExtras.set(id, {
      lineItems: lineItems.map((li) => ({ name: li.price_data.product_data.name, quantity: li.quantity, unitAmount: li.price_data.unit_amount })),
      paymentIntentData: p.payment_intent_data,
    });
    return this.view(session, ctx);
  }

  private async expireCheckoutSession(ctx: Ctx): Promise<Stripe.Checkout.Session> {
    const session = this.find(this.state.sessions, "checkout.session", ctx.account, ctx.id);
    if (session.status !== "open") throw invalidRequest(`Only Checkout Sessions with a status in ["open"] can be expired. This session has status "${session.status}".`);
    session.status = "expired";
    session.url = null;
    await this.emit("checkout.session.expired", session, ctx.account, { request: ctx.request });
    return this.view(session, ctx);
  }

  /** Charges the card entered on the hosted page. Returns the decline message, or null when paid. */
  private async pay(session: Stripe.Checkout.Session, input: Extract<CardInput, { card: TestCard }>): Promise<string | null> {
    if (session.mode === "setup") return this.saveCard(session, input);
    const owner = this.state.owners.get(session.id) ?? null;
    const extras = this.checkoutExtras.get(session.id)!;
    const intent = session.payment_intent ? this.state.paymentIntents.get(session.payment_intent as string)! : this.createPaymentIntent(session, extras, owner);
    session.payment_intent = intent.id;
    const method = this.createPaymentMethod(input, owner);
    const { decline } = input.card;
    const charge = this.createCharge(intent, method, input.card, owner);
    intent.latest_charge = charge.id;
    if (decline) {
      intent.status = "requires_payment_method";
      intent.last_payment_error = { type: "card_error", code: "card_declined", decline_code: decline.code, message: decline.message, charge: charge.id, payment_method: structuredClone(method) };
      await this.emit("payment_intent.payment_failed", intent, owner);
      return decline.message;
    }
    intent.status = "succeeded";
    intent.amount_received = intent.amount;
    intent.payment_method = method.id;
    intent.last_payment_error = null;
    // Checkout saves the card on the customer only when asked to keep it for later.
    // Stored objects hold ids; only API views are expanded.
    const customerId = session.customer as string | null;
    if (customerId && extras.paymentIntentData?.setup_future_usage) method.customer = customerId;
    const email = session.customer_email ?? (customerId && this.state.customers.get(customerId)?.email) ?? null;
    session.status = "complete";
    session.payment_status = "paid";
    session.url = null;
    session.customer_details = { address: { city: null, country: "US", line1: null, line2: null, postal_code: null, state: null }, email, name: null, phone: null, tax_exempt: "none", tax_ids: [], business_name: null, individual_name: null };
    await this.emit("checkout.session.completed", session, owner);
    return null;
  }

  /** Setup mode: the card is checked (a declining number fails) and saved on the session's customer; nothing is charged. */
  private async saveCard(session: Stripe.Checkout.Session, input: Extract<CardInput, { card: TestCard }>): Promise<string | null> {
    if (input.card.decline) return input.card.decline.message;
    const owner = this.state.owners.get(session.id) ?? null;
    const method = this.createPaymentMethod(input, owner);
    const customerId = session.customer as string | null;
    if (customerId) method.customer = customerId;
    const id = newId("seti_1", 24);
    const intent: Stripe.SetupIntent = {
      ...sample<Stripe.SetupIntent>("setup_intent"),
      id,
      created: now(),
      client_secret: `${id}_secret_${newId("", 25)}`,
      customer: customerId,
      payment_method: method.id,
      status: "succeeded",
      usage: "off_session",
      last_setup_error: null,
      next_action: null,
      metadata: {},
    };
    this.state.setupIntents.set(id, intent);
    this.own(id, owner);
    session.setup_intent = id;
    session.status = "complete";
    session.url = null;
    await this.emit("checkout.session.completed", session, owner);
    return null;
  }

  private createPaymentIntent(session: Stripe.Checkout.Session, extras: CheckoutExtras, owner: string | null): Stripe.PaymentIntent {
    const id = newId("pi_3", 24);
    const intent: Stripe.PaymentIntent = {
      ...sample<Stripe.PaymentIntent>("payment_intent"),
      id,
      created: now(),
      client_secret: `${id}_secret_${newId("", 25)}`,
      amount: session.amount_total ?? 0,
      amount_received: 0,
      currency: session.currency ?? "usd",
      customer: session.customer,
      description: extras.paymentIntentData?.description ?? null,
      receipt_email: extras.paymentIntentData?.receipt_email ?? null,
      metadata: extras.paymentIntentData?.metadata ?? {},
      setup_future_usage: extras.paymentIntentData?.setup_future_usage ?? null,
      status: "requires_payment_method",
      automatic_payment_methods: null,
      canceled_at: null,
      last_payment_error: null,
      latest_charge: null,
      next_action: null,
      payment_method: null,
      payment_method_configuration_details: null,
      processing: null,
      transfer_data: null,
    };
    this.state.paymentIntents.set(id, intent);
    this.own(id, owner);
    return intent;
  }

  private createPaymentMethod({ card, expMonth, expYear }: Extract<CardInput, { card: TestCard }>, owner: string | null): Stripe.PaymentMethod {
    const base = sample<Stripe.PaymentMethod>("payment_method");
    const id = newId("pm_1", 24);
    const method: Stripe.PaymentMethod = {
      ...base,
      id,
      created: now(),
      customer: null,
      metadata: {},
      billing_details: { address: { city: null, country: "US", line1: null, line2: null, postal_code: null, state: null }, email: null, name: null, phone: null, tax_id: null },
      card: { ...base.card!, brand: card.brand, display_brand: card.brand, last4: card.last4, exp_month: expMonth, exp_year: expYear, fingerprint: `fp${card.last4}${card.brand}`, networks: { available: [card.brand], preferred: null }, wallet: null },
    };
    this.state.paymentMethods.set(id, method);
    this.own(id, owner);
    return method;
  }

  private createCharge(intent: Stripe.PaymentIntent, method: Stripe.PaymentMethod, card: TestCard, owner: string | null): Stripe.Charge {
    const base = sample<Stripe.Charge>("charge");
    const id = newId("ch_3", 24);
    const { decline } = card;
    const charge: Stripe.Charge = {
      ...base,
      id,
      created: now(),
      amount: intent.amount,
      amount_captured: decline ? 0 : intent.amount,
      amount_refunded: 0,
      captured: !decline,
      paid: !decline,
      refunded: false,
      status: decline ? "failed" : "succeeded",
      currency: intent.currency,
      customer: intent.customer,
      description: intent.description,
      metadata: intent.metadata,
      payment_intent: intent.id,
      payment_method: method.id,
      billing_details: method.billing_details,
      balance_transaction: decline ? null : this.createBalanceTransaction(id, intent.amount, intent.currency, owner),
      failure_code: decline ? "card_declined" : null,
      failure_message: decline?.message ?? null,
      outcome: decline
        ? { ...base.outcome!, type: "issuer_declined", reason: decline.code, network_status: "declined_by_network", seller_message: "The bank did not return any further details with this decline.", risk_level: "normal" }
        : { ...base.outcome!, type: "authorized", reason: null, network_status: "approved_by_network", seller_message: "Payment complete.", risk_level: "normal" },
      payment_method_details: {
        type: "card",
        card: { ...base.payment_method_details!.card!, brand: card.brand, last4: card.last4, network: card.brand, exp_month: method.card!.exp_month, exp_year: method.card!.exp_year, wallet: null },
      },
      receipt_url: null,
      refunds: { object: "list", data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
      source: null,
      transfer_data: null,
    };
    this.state.charges.set(id, charge);
    this.own(id, owner);
    return charge;
  }

  private createBalanceTransaction(source: string, amount: number, currency: string, owner: string | null): string {
    const id = newId("txn_3", 24);
    const fee = Math.round(amount * 0.029) + 30;
    const txn: Stripe.BalanceTransaction = {
      ...sample<Stripe.BalanceTransaction>("balance_transaction"),
      id,
      amount,
      currency,
      created: now(),
      available_on: now() + 2 * 86_400,
      fee,
      fee_details: [{ amount: fee, application: null, currency, description: "Stripe processing fees", type: "stripe_fee" }],
      net: amount - fee,
      source,
      status: "pending",
      type: "charge",
    };
    this.state.balanceTransactions.set(id, txn);
    this.own(id, owner);
    return id;
  }

  // --- Customers, payment methods, refunds ---------------------------------------------------

  private createCustomer(ctx: Ctx): Stripe.Customer {
    const p = parseParams(customerParams, ctx.params);
    const id = newId("cus_", 14);
    const customer: Stripe.Customer = {
      ...sample<Stripe.Customer>("customer"),
      id,
      created: now(),
      email: p.email ?? null,
      name: p.name ?? null,
      phone: p.phone ?? null,
      description: p.description ?? null,
      metadata: p.metadata ?? {},
      address: null,
      currency: null,
      discount: null,
      invoice_prefix: newId("", 8).toUpperCase(),
      shipping: null,
    };
    this.state.customers.set(id, customer);
    this.own(id, ctx.account);
    return this.view(customer, ctx);
  }

  private listPaymentMethods(ctx: Ctx, customerId: string): Stripe.ApiList<Stripe.PaymentMethod> {
    if (!customerId) throw invalidRequest("Missing required param: customer.", { param: "customer", code: "parameter_missing" });
    this.find(this.state.customers, "customer", ctx.account, customerId, ctx.id ? undefined : "customer");
    const type = typeof ctx.params.type === "string" ? ctx.params.type : undefined;
    const data = [...this.state.paymentMethods.values()].filter((pm) => pm.customer === customerId && (!type || pm.type === type)).reverse();
    return { object: "list", data: data.map((pm) => this.view(pm, ctx)), has_more: false, url: `/v1/customers/${customerId}/payment_methods` };
  }

  private detachPaymentMethod(ctx: Ctx): Stripe.PaymentMethod {
    const method = this.find(this.state.paymentMethods, "payment_method", ctx.account, ctx.id);
    if (!method.customer) throw invalidRequest("The payment method you provided is not attached to a customer so detachment is impossible.", { code: "payment_method_unexpected_state" });
    method.customer = null;
    return this.view(method, ctx);
  }

  private async createRefund(ctx: Ctx): Promise<Stripe.Refund> {
    const p = parseParams(refundParams, ctx.params);
    if (!p.payment_intent && !p.charge) throw invalidRequest("One of `charge` or `payment_intent` is required.", { code: "parameter_missing" });
    const intent = p.payment_intent ? this.find(this.state.paymentIntents, "payment_intent", ctx.account, p.payment_intent, "payment_intent") : undefined;
    const chargeId = p.charge ?? (intent?.status === "succeeded" ? (intent.latest_charge as string) : undefined);
    if (!chargeId) throw invalidRequest(`This PaymentIntent (${intent?.id}) does not have a successful charge to refund.`, { code: "charge_not_refundable", param: "payment_intent" });
    const charge = this.find(this.state.charges, "charge", ctx.account, chargeId, "charge");
    const remaining = charge.amount - charge.amount_refunded;
    if (charge.status !== "succeeded") throw invalidRequest(`Charge ${charge.id} has not succeeded and cannot be refunded.`, { code: "charge_not_refundable" });
    if (remaining === 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: "charge_already_refunded" });
    const amount = p.amount ?? remaining;
    if (amount > remaining) {
      throw invalidRequest(`Refund amount ($${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge ($${(remaining / 100).toFixed(2)})`, { code: "amount_too_large", param: "amount" });
    }
    const id = newId("re_3", 24);
    const refund: Stripe.Refund = {
      ...sample<Stripe.Refund>("refund"),
      id,
      created: now(),
      amount,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: charge.payment_intent,
      payment_method: charge.payment_method,
      customer: charge.customer,
      reason: p.reason ?? null,
      metadata: p.metadata ?? {},
      status: "succeeded",
      balance_transaction: newId("txn_3", 24),
    };
    this.state.refunds.set(id, refund);
    this.own(id, ctx.account);
    const previousAttributes = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    charge.refunds = { ...charge.refunds!, data: [refund, ...charge.refunds!.data] };
    await this.emit("charge.refunded", charge, ctx.account, { previousAttributes, request: ctx.request });
    return this.view(refund, ctx);
  }

  // --- Events and webhooks -------------------------------------------------------------------

  private buildEvent(input: SendEventInput & { request?: Ctx["request"] }): Stripe.Event {
    const event = {
      ...sample<Record<string, unknown>>("event"),
      id: input.id ?? newId("evt_1", 24),
      api_version: Stripe.API_VERSION,
      created: now(),
      data: { object: structuredClone(input.object), ...(input.previousAttributes && { previous_attributes: input.previousAttributes }) },
      livemode: false,
      pending_webhooks: 1,
      request: input.request ?? { id: null, idempotency_key: null },
      type: input.type,
      // Only events that happen on a connected account carry `account` (Connect endpoints receive those).
      ...(input.account && { account: input.account }),
    } as unknown as Stripe.Event;
    this.state.events.push(event);
    return event;
  }

  /** Records the event and, when an endpoint is configured for it, delivers it before the caller carries on. */
  private async emit(type: string, object: object, account: string | null, extra: { previousAttributes?: object; request?: Ctx["request"] } = {}): Promise<void> {
    const event = this.buildEvent({ type, object, account: account ?? undefined, ...extra });
    const target: WebhookTarget = account ? "connect" : "platform";
    if (!this.endpoint(target)) return;
    // A hosted page must still redirect when the app's endpoint is down or refuses; say so, as the Dashboard would.
    const delivery = await this.deliver(event, target);
    if (delivery.status === null || delivery.status >= 300) {
      console.warn(`Stripe fake: ${target} webhook ${event.type} → ${delivery.url} answered ${delivery.status ?? "nothing"}: ${delivery.body.slice(0, 200)}`);
    }
  }

  async sendEvent(input: SendEventInput): Promise<EventDelivery> {
    const target = input.target ?? (input.account ? "connect" : "platform");
    if (!this.endpoint(target)) throw new Error(`Stripe fake: no ${target} webhook URL configured`);
    return this.deliver(this.buildEvent(input), target);
  }

  async redeliver(eventId: string, target?: WebhookTarget): Promise<EventDelivery> {
    const event = this.state.events.find((e) => e.id === eventId);
    if (!event) throw new Error(`Stripe fake: no event ${eventId} to redeliver`);
    return this.deliver(event, target ?? (event.account ? "connect" : "platform"));
  }

  private endpoint(target: WebhookTarget): { url: string; secret: string } | null {
    const { webhookUrl, webhookSecret, connectWebhookUrl, connectWebhookSecret } = this.opts;
    const [url, secret] = target === "connect" ? [connectWebhookUrl, connectWebhookSecret] : [webhookUrl, webhookSecret];
    return url && secret ? { url, secret } : null;
  }

  private async deliver(event: Stripe.Event, target: WebhookTarget): Promise<EventDelivery> {
    const endpoint = this.endpoint(target);
    if (!endpoint) throw new Error(`Stripe fake: no ${target} webhook URL configured`);
    const payload = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: endpoint.secret });
    const delivery: EventDelivery = { event, url: endpoint.url, status: null, body: "" };
    this.deliveries.push(delivery);
    try {
      const res = await fetch(endpoint.url, {
        method: "POST",
        headers: { "Content-Type": "application/json; charset=utf-8", "Stripe-Signature": signature, "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)" },
        body: payload,
        signal: AbortSignal.timeout(15_000),
      });
      delivery.status = res.status;
      delivery.body = await res.text();
    } catch (err) {
      delivery.body = String(err);
    }
    return delivery;
  }

  // --- Hosted pages (what the browser sees instead of stripe.com) ----------------------------

  private async handleHostedPage(rec: RecordedStripeRequest, url: URL, res: ServerResponse): Promise<void> {
    if (url.pathname === "/health") return sendJson(res, 200, { ok: true });
    const [, kind, id = ""] = /^\/hosted\/(onboarding|express|checkout)\/([^/]+)$/.exec(url.pathname) ?? [];
    if (kind === "onboarding") {
      const account = this.state.accounts.get(id);
      if (!account) return sendHtml(res, 404, page("Link expired", "<h1>This link is no longer valid</h1>"));
      if (rec.method !== "POST") return sendHtml(res, 200, onboardingPage(account));
      await this.completeOnboarding(account);
      const returnUrl = url.searchParams.get("return_url");
      return returnUrl ? redirect(res, returnUrl) : sendHtml(res, 200, page("Onboarding complete", "<h1>Onboarding complete</h1>"));
    }
    if (kind === "express") {
      const account = this.state.accounts.get(id);
      if (!account) return sendHtml(res, 404, page("Not found", "<h1>Account not found</h1>"));
      return sendHtml(res, 200, page("Express dashboard", `<h1>Express dashboard</h1><p>Account ${esc(account.id)}: payouts ${account.payouts_enabled ? "enabled" : "disabled"}.</p>`));
    }
    if (kind === "checkout") {
      const session = this.state.sessions.get(id);
      if (!session) return sendHtml(res, 404, page("Not found", "<h1>Checkout session not found</h1>"));
      const extras = this.checkoutExtras.get(id)!;
      if (session.status !== "open") return sendHtml(res, 410, checkoutPage(session, extras, "This Checkout Session is no longer active."));
      if (rec.method !== "POST") return sendHtml(res, 200, checkoutPage(session, extras));
      const input = readCard(rec.body);
      if ("error" in input) return sendHtml(res, 400, checkoutPage(session, extras, input.error));
      const declined = await this.pay(session, input);
      if (declined) return sendHtml(res, 402, checkoutPage(session, extras, declined));
      return redirect(res, (session.success_url ?? "").replaceAll("{CHECKOUT_SESSION_ID}", session.id));
    }
    sendHtml(res, 404, page("Not found", "<h1>Not found</h1>"));
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP and HTML

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The SDK sends `Bearer <key>`; curl users send `-u <key>:` (Basic), which Stripe also accepts. */
function apiKey(header: string | undefined): string | null {
  const [scheme, value = ""] = (header ?? "").split(" ");
  if (scheme === "Bearer") return value || null;
  if (scheme === "Basic") return Buffer.from(value, "base64").toString("utf8").split(":")[0] || null;
  return null;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json", ...headers }).end(JSON.stringify(body, null, 2));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" }).end(html);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location }).end();
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function money(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Stripe (test fake)</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f9fc;color:#1a1f36}main{max-width:28rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:8px}
label{display:block;margin-top:1rem;font-weight:600}input{display:block;width:100%;box-sizing:border-box;padding:.5rem;font:inherit;border:1px solid #6b7280;border-radius:4px}
button{margin-top:1.5rem;width:100%;padding:.75rem;font:inherit;font-weight:600;color:#fff;background:#4f46e5;border:0;border-radius:4px}
[role=alert]{color:#b91c1c;font-weight:600}.note{color:#4b5563;font-size:.875rem}a{color:#3730a3}</style>
</head><body><main>${body}</main></body></html>`;
}

function onboardingPage(account: Stripe.Account): string {
  return page(
    "Set up payments",
    `<p class="note">Test mode: this page stands in for Stripe's hosted onboarding.</p>
<h1>Set up payments</h1><p>Account <code>${esc(account.id)}</code> still needs: ${esc((account.requirements?.currently_due ?? []).join(", ") || "nothing")}.</p>
<form method="post"><button type="submit">Complete onboarding</button></form>`,
  );
}

function checkoutPage(session: Stripe.Checkout.Session, extras: CheckoutExtras, error?: string): string {
  const currency = session.currency ?? "usd";
  const setup = session.mode === "setup";
  const items = extras.lineItems.map((li) => `<li>${esc(li.name)} × ${li.quantity}: ${money(li.unitAmount * li.quantity, currency)}</li>`).join("");
  const invalid = error ? ` aria-invalid="true" aria-describedby="payment-error"` : "";
  const form =
    session.status === "open"
      ? `<form method="post" novalidate>
<label for="cardnumber">Card number</label><input id="cardnumber" name="cardnumber" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234"${invalid}>
<label for="expiry">Expiry (MM / YY)</label><input id="expiry" name="expiry" autocomplete="cc-exp" placeholder="MM / YY">
<label for="cvc">CVC</label><input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123">
<button type="submit">${setup ? "Save card" : "Pay"}</button></form>`
      : "";
  const cancel = session.cancel_url && session.status === "open" ? `<p><a href="${esc(session.cancel_url)}">Cancel</a></p>` : "";
  return page(
    "Checkout",
    `<p class="note">Test mode: this page stands in for Stripe Checkout.</p>
${setup ? "<h1>Save a card</h1>" : `<h1>Pay ${money(session.amount_total ?? 0, currency)}</h1><ul>${items}</ul>`}
${error ? `<p role="alert" id="payment-error">${esc(error)}</p>` : ""}${form}${cancel}`,
  );
}
