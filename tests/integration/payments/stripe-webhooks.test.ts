import { and, eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as connectWebhook } from "@/app/api/webhooks/stripe/connect/route";
import { POST as platformWebhook } from "@/app/api/webhooks/stripe/route";
import { getDb, type Database } from "@/db/client";
import { auditLog, processorAccounts, processorEvents } from "@/db/schema";
import { startProcessorOnboarding } from "@/lib/payments";
import { startStripeFake, type StripeFake } from "../../fakes/stripe-fake";
import { makePractice } from "../../support/factories";
import { connectEvent, nowSeconds, serveRoute, webhookRequest, type RouteServer } from "./webhook-harness";

// The Connect endpoint has its secret; the platform endpoint's STRIPE_WEBHOOK_SECRET is deliberately unset.
const CONNECT_SECRET = "whsec_connect_webhooks_test";

let fake: StripeFake;
let connectEndpoint: RouteServer;
let db: Database;

beforeAll(async () => {
  connectEndpoint = await serveRoute(connectWebhook);
  fake = await startStripeFake({ connectWebhookUrl: `${connectEndpoint.url}/api/webhooks/stripe/connect`, connectWebhookSecret: CONNECT_SECRET });
  // env() caches its first read: these must be set before anything (getDb included) asks for it.
  process.env.STRIPE_SECRET_KEY = "sk_test_webhooks";
  process.env.STRIPE_API_BASE = fake.url;
  process.env.STRIPE_CONNECT_WEBHOOK_SECRET = CONNECT_SECRET;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  db = await getDb();
});

afterAll(async () => {
  await fake?.close();
  await connectEndpoint?.close();
  for (const name of ["STRIPE_SECRET_KEY", "STRIPE_API_BASE", "STRIPE_CONNECT_WEBHOOK_SECRET"]) delete process.env[name];
});

/** A practice with a Stripe account that has not finished onboarding. */
async function stripePractice() {
  const { tenant, owner } = await makePractice(db);
  const started = await startProcessorOnboarding(db, { tenantId: tenant.id, actorUserId: owner.id }, "stripe");
  expect(started).toMatchObject({ ok: true, next: "redirect" });
  const [row] = await db.select().from(processorAccounts).where(eq(processorAccounts.tenantId, tenant.id));
  return { tenant, row: row!, account: fake.state.accounts.get(row!.externalAccountId)! };
}

/** The account as Stripe would describe it once onboarding is done (or undone). */
function withCharges(account: Stripe.Account, enabled: boolean): Stripe.Account {
  return {
    ...structuredClone(account),
    charges_enabled: enabled,
    details_submitted: true,
    requirements: { ...account.requirements!, currently_due: enabled ? [] : ["external_account"] },
  };
}

async function rowOf(tenantId: string) {
  const [row] = await db.select().from(processorAccounts).where(eq(processorAccounts.tenantId, tenantId));
  return row!;
}

async function eventRows(eventId: string) {
  return db.select().from(processorEvents).where(eq(processorEvents.eventId, eventId));
}

async function chargeAudits(tenantId: string) {
  const rows = await db.select().from(auditLog).where(and(eq(auditLog.tenantId, tenantId), sql`${auditLog.action} like 'processor.charges-%'`));
  return rows.map((r) => r.action);
}

describe("the Stripe Connect webhook", () => {
  it("refuses a delivery whose body changed after signing, or that was signed with another secret, and writes nothing", async () => {
    const { tenant, account } = await stripePractice();
    const event = connectEvent("account.updated", withCharges(account, true), { account: account.id, created: nowSeconds() });
    const signed = webhookRequest(JSON.stringify(event), CONNECT_SECRET);
    const tampered = new Request(signed.url, { method: "POST", headers: signed.headers, body: JSON.stringify({ ...event, id: "evt_forged" }) });

    for (const req of [tampered, webhookRequest(JSON.stringify(event), "whsec_someone_else")]) {
      const res = await connectWebhook(req);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: "invalid_signature" } });
    }
    expect(await eventRows(event.id)).toEqual([]);
    expect(await eventRows("evt_forged")).toEqual([]);
    expect((await rowOf(tenant.id)).chargesEnabled).toBe(false);
  });

  it("refuses a delivery without a Stripe-Signature header", async () => {
    const { tenant, account } = await stripePractice();
    const event = connectEvent("account.updated", withCharges(account, true), { account: account.id, created: nowSeconds() });

    const res = await connectWebhook(webhookRequest(JSON.stringify(event)));

    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "invalid_signature" } });
    expect(await eventRows(event.id)).toEqual([]);
    expect((await rowOf(tenant.id)).chargesEnabled).toBe(false);
  });

  it("refuses every platform delivery while STRIPE_WEBHOOK_SECRET is not set", async () => {
    const event = connectEvent("checkout.session.completed", { id: "cs_test_x" }, { account: "acct_x", created: nowSeconds() });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await platformWebhook(webhookRequest(JSON.stringify(event), CONNECT_SECRET, "/api/webhooks/stripe"));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: "invalid_signature" } });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining("STRIPE_WEBHOOK_SECRET is not set"));
    } finally {
      logged.mockRestore();
    }
  });

  it("records a replayed event once and does not apply it again", async () => {
    const { tenant, account } = await stripePractice();
    const sent = await fake.sendEvent({ type: "account.updated", object: withCharges(account, true), account: account.id });
    expect(sent.status).toBe(200);
    expect((await rowOf(tenant.id)).chargesEnabled).toBe(true);
    // Something later turned charges off; a replay of the old event must not turn them back on.
    await db.update(processorAccounts).set({ chargesEnabled: false, statusUpdatedAt: null }).where(eq(processorAccounts.tenantId, tenant.id));

    const replay = await fake.redeliver(sent.event.id);

    expect(replay.status).toBe(200);
    expect(JSON.parse(replay.body)).toEqual({ received: true, duplicate: true });
    expect(await eventRows(sent.event.id)).toHaveLength(1);
    expect((await rowOf(tenant.id)).chargesEnabled).toBe(false);
    expect(await chargeAudits(tenant.id)).toEqual(["processor.charges-enabled"]);
  });

  it("processes exactly one of 50 concurrent deliveries of the same event", async () => {
    const { tenant, account } = await stripePractice();
    const event = connectEvent("account.updated", withCharges(account, true), { account: account.id, created: nowSeconds() });
    const payload = JSON.stringify(event);

    const responses = await Promise.all(Array.from({ length: 50 }, () => connectWebhook(webhookRequest(payload, CONNECT_SECRET))));

    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(bodies.filter((b) => !b.duplicate)).toEqual([{ received: true }]);
    expect(await eventRows(event.id)).toEqual([expect.objectContaining({ tenantId: tenant.id, type: "account.updated" })]);
    expect(await chargeAudits(tenant.id)).toEqual(["processor.charges-enabled"]);
    expect((await rowOf(tenant.id)).chargesEnabled).toBe(true);
  });

  it("keeps the newer status when an older account.updated arrives after it", async () => {
    const { tenant, account } = await stripePractice();
    // Both later than the status saved when the account was created.
    const t = nowSeconds() + 120;
    const newer = connectEvent("account.updated", withCharges(account, true), { account: account.id, created: t });
    const older = connectEvent("account.updated", withCharges(account, false), { account: account.id, created: t - 60 });

    expect((await connectWebhook(webhookRequest(JSON.stringify(newer), CONNECT_SECRET))).status).toBe(200);
    const late = await connectWebhook(webhookRequest(JSON.stringify(older), CONNECT_SECRET));

    expect(late.status).toBe(200);
    const row = await rowOf(tenant.id);
    expect(row).toMatchObject({ chargesEnabled: true, requirementsDue: [] });
    expect(row.statusUpdatedAt?.getTime()).toBe(t * 1000);
    // Recorded, so Stripe's retries of it stay no-ops too.
    expect(await eventRows(older.id)).toHaveLength(1);
    expect(await chargeAudits(tenant.id)).toEqual(["processor.charges-enabled"]);
  });

  it("applies account.updated events that arrive in order, including one that turns charges off", async () => {
    const { tenant, account } = await stripePractice();
    const t = nowSeconds() + 120;
    const enable = connectEvent("account.updated", withCharges(account, true), { account: account.id, created: t - 60 });
    const disable = connectEvent("account.updated", withCharges(account, false), { account: account.id, created: t });

    await connectWebhook(webhookRequest(JSON.stringify(enable), CONNECT_SECRET));
    await connectWebhook(webhookRequest(JSON.stringify(disable), CONNECT_SECRET));

    expect(await rowOf(tenant.id)).toMatchObject({ chargesEnabled: false, requirementsDue: ["external_account"] });
    expect(await chargeAudits(tenant.id)).toEqual(["processor.charges-enabled", "processor.charges-disabled"]);
  });

  it("acknowledges and ignores event types outside the allow-list without recording them", async () => {
    const event = connectEvent("customer.created", { id: "cus_test" }, { account: "acct_any", created: nowSeconds() });

    const res = await connectWebhook(webhookRequest(JSON.stringify(event), CONNECT_SECRET));

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, ignored: true });
    expect(await eventRows(event.id)).toEqual([]);
  });

  it("records, and otherwise ignores, a payment event that names no payment of the account's practice", async () => {
    const session = { id: "cs_test_unknown", object: "checkout.session", mode: "payment", payment_status: "paid", metadata: {} };
    const event = connectEvent("checkout.session.completed", session, { account: "acct_any", created: nowSeconds() });

    const res = await connectWebhook(webhookRequest(JSON.stringify(event), CONNECT_SECRET));

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true });
    expect(await eventRows(event.id)).toEqual([expect.objectContaining({ tenantId: null, type: "checkout.session.completed" })]);
  });

  it("records, and otherwise ignores, an account.updated for an account no practice holds", async () => {
    const stray = await fake.sendEvent({ type: "account.updated", object: { id: "acct_1NotOursAtAll", object: "account", charges_enabled: true }, account: "acct_1NotOursAtAll" });

    expect(stray.status).toBe(200);
    expect(await eventRows(stray.event.id)).toEqual([expect.objectContaining({ tenantId: null })]);
    expect(await db.select().from(processorAccounts).where(eq(processorAccounts.externalAccountId, "acct_1NotOursAtAll"))).toEqual([]);
  });

  it("changes only the practice that holds the account named in the event", async () => {
    const a = await stripePractice();
    const b = await stripePractice();

    const sent = await fake.sendEvent({ type: "account.updated", object: withCharges(a.account, true), account: a.account.id });

    expect(sent.status).toBe(200);
    expect((await rowOf(a.tenant.id)).chargesEnabled).toBe(true);
    expect(await rowOf(b.tenant.id)).toEqual(b.row);
    expect(await eventRows(sent.event.id)).toEqual([expect.objectContaining({ tenantId: a.tenant.id })]);
    expect(await chargeAudits(b.tenant.id)).toEqual([]);
  });

  it("answers 500 and records nothing when the database fails mid-event, then applies Stripe's retry", async () => {
    const { tenant, account } = await stripePractice();
    // A real database error inside the handler's transaction, after the event id was inserted.
    await db.execute(sql`create or replace function chairside_test_fail() returns trigger language plpgsql as $$ begin raise exception 'simulated outage'; end $$`);
    await db.execute(
      sql.raw(
        `create trigger chairside_test_fail before update on processor_accounts for each row when (new.external_account_id = '${account.id}') execute function chairside_test_fail()`,
      ),
    );
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    let failed;
    try {
      failed = await fake.sendEvent({ type: "account.updated", object: withCharges(account, true), account: account.id });
      // The cause goes to the server log, never into the response.
      expect(logged).toHaveBeenCalledWith(expect.stringContaining(failed.event.id), expect.anything());
    } finally {
      logged.mockRestore();
      await db.execute(sql`drop trigger chairside_test_fail on processor_accounts`);
    }

    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.body)).toEqual({ error: { code: "processing_failed" } });
    expect(failed.body).not.toContain("simulated outage");
    expect(await eventRows(failed.event.id)).toEqual([]);
    expect((await rowOf(tenant.id)).chargesEnabled).toBe(false);

    const retry = await fake.redeliver(failed.event.id);
    expect(retry.status).toBe(200);
    expect(JSON.parse(retry.body)).toEqual({ received: true });
    expect((await rowOf(tenant.id)).chargesEnabled).toBe(true);
    expect(await eventRows(failed.event.id)).toHaveLength(1);
  });
});
