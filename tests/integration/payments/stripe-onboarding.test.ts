import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as connectWebhook } from "@/app/api/webhooks/stripe/connect/route";
import { POST as platformWebhook } from "@/app/api/webhooks/stripe/route";
import { getDb, type Database } from "@/db/client";
import { auditLog, processorAccounts, processorEvents } from "@/db/schema";
import {
  availableProcessors,
  disconnectProcessor,
  getProcessorStatus,
  processorDashboardLink,
  refreshProcessorStatus,
  startProcessorOnboarding,
  type ProcessorActor,
} from "@/lib/payments";
import { connectedAccountIdempotencyKey } from "@/lib/payments/stripe/start-onboarding";
import { startStripeFake, type StripeFake } from "../../fakes/stripe-fake";
import { makePractice } from "../../support/factories";
import { connectEvent, nowSeconds, serveRoute, webhookRequest, type RouteServer } from "./webhook-harness";

// Stripe is configured (against the local fake), so this file sees the Stripe processor only.
const CONNECT_SECRET = "whsec_connect_onboarding_test";
const PLATFORM_SECRET = "whsec_platform_onboarding_test";

let fake: StripeFake;
let connectEndpoint: RouteServer;
let db: Database;

beforeAll(async () => {
  connectEndpoint = await serveRoute(connectWebhook);
  fake = await startStripeFake({ connectWebhookUrl: `${connectEndpoint.url}/api/webhooks/stripe/connect`, connectWebhookSecret: CONNECT_SECRET });
  // env() caches its first read: these must be set before anything (getDb included) asks for it.
  process.env.STRIPE_SECRET_KEY = "sk_test_onboarding";
  process.env.STRIPE_API_BASE = fake.url;
  process.env.STRIPE_CONNECT_WEBHOOK_SECRET = CONNECT_SECRET;
  process.env.STRIPE_WEBHOOK_SECRET = PLATFORM_SECRET;
  db = await getDb();
});

afterAll(async () => {
  await fake?.close();
  await connectEndpoint?.close();
  for (const name of ["STRIPE_SECRET_KEY", "STRIPE_API_BASE", "STRIPE_CONNECT_WEBHOOK_SECRET", "STRIPE_WEBHOOK_SECRET"]) delete process.env[name];
});

async function practiceActor(): Promise<ProcessorActor & { slug: string }> {
  const { tenant, owner } = await makePractice(db);
  return { tenantId: tenant.id, actorUserId: owner.id, ip: "203.0.113.7", slug: tenant.slug };
}

async function rowOf(tenantId: string) {
  const [row] = await db.select().from(processorAccounts).where(eq(processorAccounts.tenantId, tenantId));
  return row;
}

async function auditActions(tenantId: string): Promise<string[]> {
  const rows = await db.select().from(auditLog).where(eq(auditLog.tenantId, tenantId)).orderBy(auditLog.createdAt);
  return rows.map((r) => r.action);
}

/** Starts onboarding and returns the hosted link and the Stripe account it created. */
async function startOnStripe(actor: ProcessorActor) {
  const started = await startProcessorOnboarding(db, actor, "stripe");
  if (!started.ok || started.next !== "redirect") throw new Error(`onboarding did not start: ${JSON.stringify(started)}`);
  return { url: started.url, accountId: (await rowOf(actor.tenantId))!.externalAccountId };
}

describe("connecting a practice to Stripe", () => {
  it("offers Stripe and not the demo processor when Stripe is configured, and refuses a demo connection", async () => {
    const actor = await practiceActor();

    expect(availableProcessors().map((p) => p.kind)).toEqual(["stripe"]);
    expect(await startProcessorOnboarding(db, actor, "demo")).toMatchObject({ ok: false, code: "unavailable" });
    expect(await rowOf(actor.tenantId)).toBeUndefined();
  });

  it("onboards on Stripe's hosted page and enables charges when Stripe's signed account.updated reaches the Connect route", async () => {
    const actor = await practiceActor();
    const { url, accountId } = await startOnStripe(actor);

    const link = new URL(url);
    expect(link.origin).toBe(fake.url);
    expect(link.searchParams.get("return_url")).toBe("http://localhost:3000/dashboard/processor/return");
    expect(link.searchParams.get("refresh_url")).toBe("http://localhost:3000/dashboard/processor/refresh");
    expect(accountId).toMatch(/^acct_/);
    expect(fake.state.accounts.get(accountId)).toMatchObject({ type: "express", metadata: { chairside_tenant_id: actor.tenantId } });
    const before = await getProcessorStatus(db, actor.tenantId);
    expect(before).toMatchObject({ kind: "stripe", chargesEnabled: false, detailsSubmitted: false });
    expect(before?.requirementsDue.length).toBeGreaterThan(0);

    // The office submits Stripe's form; the fake delivers account.updated before redirecting back.
    const submitted = await fetch(url, { method: "POST", redirect: "manual" });
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get("location")).toBe("http://localhost:3000/dashboard/processor/return");

    const delivery = fake.deliveries.find((d) => d.event.type === "account.updated" && d.event.account === accountId);
    expect(delivery).toMatchObject({ status: 200 });
    expect(JSON.parse(delivery!.body)).toEqual({ received: true });
    expect(await getProcessorStatus(db, actor.tenantId)).toMatchObject({ chargesEnabled: true, detailsSubmitted: true, requirementsDue: [] });
    const [recorded] = await db.select().from(processorEvents).where(eq(processorEvents.eventId, delivery!.event.id));
    expect(recorded).toMatchObject({ type: "account.updated", tenantId: actor.tenantId });
    expect(await auditActions(actor.tenantId)).toEqual(["practice.created", "processor.connected", "processor.charges-enabled"]);
  });

  it("reads the status from Stripe on the return page when the webhook did not arrive", async () => {
    const actor = await practiceActor();
    const { url } = await startOnStripe(actor);
    connectEndpoint.down = true;
    const fakeWarned = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await fetch(url, { method: "POST", redirect: "manual" });
      expect(fakeWarned).toHaveBeenCalledWith(expect.stringContaining("answered 503"));
    } finally {
      connectEndpoint.down = false;
      fakeWarned.mockRestore();
    }
    expect((await rowOf(actor.tenantId))?.chargesEnabled).toBe(false);

    const refreshed = await refreshProcessorStatus(db, actor);

    expect(refreshed).toMatchObject({ ok: true, portalChanged: true, status: { chargesEnabled: true, detailsSubmitted: true, requirementsDue: [] } });
    expect(await rowOf(actor.tenantId)).toMatchObject({ chargesEnabled: true, detailsSubmitted: true });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, actor.tenantId), eq(auditLog.action, "processor.charges-enabled")));
    expect(audit).toMatchObject({ actorUserId: actor.actorUserId, ip: "203.0.113.7" });
    expect(await refreshProcessorStatus(db, actor)).toMatchObject({ ok: true, portalChanged: false });
  });

  it("hands a new onboarding link for the same account to an office whose link expired", async () => {
    const actor = await practiceActor();
    const first = await startOnStripe(actor);
    const again = await startOnStripe(actor);

    expect(again.accountId).toBe(first.accountId);
    expect(fake.requests.filter((r) => r.path === "/v1/account_links" && r.body.account === first.accountId)).toHaveLength(2);
  });

  it("creates one Stripe account per practice, even when our row was lost after Stripe created it", async () => {
    const actor = await practiceActor();
    const { accountId } = await startOnStripe(actor);
    await startOnStripe(actor);
    await db.delete(processorAccounts).where(eq(processorAccounts.tenantId, actor.tenantId));
    const afterLoss = await startOnStripe(actor);

    expect(afterLoss.accountId).toBe(accountId);
    const accountsForPractice = [...fake.state.accounts.values()].filter((a) => a.metadata?.chairside_tenant_id === actor.tenantId);
    expect(accountsForPractice.map((a) => a.id)).toEqual([accountId]);
    const creates = fake.requests.filter((r) => r.path === "/v1/accounts" && r.method === "POST" && r.idempotencyKey === connectedAccountIdempotencyKey(actor.tenantId));
    expect(creates).toHaveLength(2);
  });

  it("opens the Express dashboard only once onboarding details are submitted", async () => {
    const actor = await practiceActor();
    const { url, accountId } = await startOnStripe(actor);
    const loginLinkCalls = () => fake.requests.filter((r) => r.path === `/v1/accounts/${accountId}/login_links`).length;

    expect(await processorDashboardLink(db, actor.tenantId)).toMatchObject({ ok: false, code: "not-onboarded" });
    expect(loginLinkCalls()).toBe(0);

    await fetch(url, { method: "POST", redirect: "manual" });
    const link = await processorDashboardLink(db, actor.tenantId);
    expect(link.ok).toBe(true);
    const page = await fetch((link as { url: string }).url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(accountId);
  });

  it("disconnects: our row is gone, the change is audited, and the practice can start again", async () => {
    const actor = await practiceActor();
    const { url, accountId } = await startOnStripe(actor);
    await fetch(url, { method: "POST", redirect: "manual" });

    expect(await disconnectProcessor(db, actor)).toEqual({ ok: true, portalChanged: true });

    expect(await rowOf(actor.tenantId)).toBeUndefined();
    expect(await getProcessorStatus(db, actor.tenantId)).toBeNull();
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, actor.tenantId), eq(auditLog.action, "processor.disconnected")));
    expect(audit).toMatchObject({ actorUserId: actor.actorUserId, summary: { before: { kind: "stripe", externalAccountId: accountId, chargesEnabled: true } } });
    expect(await disconnectProcessor(db, actor)).toMatchObject({ ok: false, code: "not-connected" });
    expect(await processorDashboardLink(db, actor.tenantId)).toMatchObject({ ok: false, code: "not-connected" });
    expect(await refreshProcessorStatus(db, actor)).toMatchObject({ ok: false, code: "not-connected" });
  });

  it("reconnects a disconnected practice to its existing, already onboarded Stripe account", async () => {
    const actor = await practiceActor();
    const { url, accountId } = await startOnStripe(actor);
    await fetch(url, { method: "POST", redirect: "manual" });
    await disconnectProcessor(db, actor);

    const again = await startProcessorOnboarding(db, actor, "stripe");

    // Stripe replays the day-old creation answer; the account is read afresh, so charges are on at once.
    expect(again).toMatchObject({ ok: true, next: "redirect", portalChanged: true });
    expect(await rowOf(actor.tenantId)).toMatchObject({ externalAccountId: accountId, chargesEnabled: true, detailsSubmitted: true });
  });

  it("tells the office when Stripe refuses, and saves nothing", async () => {
    const actor = await practiceActor();
    const { accountId } = await startOnStripe(actor);
    fake.state.accounts.delete(accountId);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await refreshProcessorStatus(db, actor)).toMatchObject({ ok: false, code: "processor-error", message: expect.stringContaining("try again") });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining("No such account"));
    } finally {
      logged.mockRestore();
    }
    expect(await rowOf(actor.tenantId)).toMatchObject({ externalAccountId: accountId, chargesEnabled: false });
  });
});

describe("the platform webhook endpoint", () => {
  it("accepts events signed with the platform secret and refuses ones signed for the Connect endpoint", async () => {
    const session = { id: "cs_test_platform", object: "checkout.session", mode: "payment", payment_status: "paid", metadata: {} };
    const event = connectEvent("checkout.session.completed", session, { account: "acct_unused", created: nowSeconds() });
    const payload = JSON.stringify(event);

    const accepted = await platformWebhook(webhookRequest(payload, PLATFORM_SECRET, "/api/webhooks/stripe"));
    expect(accepted.status).toBe(200);
    // Verified and recorded; it names no payment of ours, so nothing else happens.
    expect(await accepted.json()).toEqual({ received: true });
    expect(await db.select().from(processorEvents).where(eq(processorEvents.eventId, event.id))).toEqual([expect.objectContaining({ tenantId: null })]);

    const refused = await platformWebhook(webhookRequest(payload, CONNECT_SECRET, "/api/webhooks/stripe"));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: { code: "invalid_signature" } });
  });
});
