import { createHmac } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, payments, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { WORKERS } from "@/lib/jobs/workers";
import { GIVE_UP_AFTER_MS, deliverDue, retryDelayMs } from "@/lib/outgoing-webhooks/deliver";
import { checkEndpointUrl, isPrivateAddress } from "@/lib/outgoing-webhooks/endpoint-url";
import { addWebhookEndpoint, listRecentDeliveries, removeWebhookEndpoint } from "@/lib/outgoing-webhooks/endpoints";
import { queueTestEvent } from "@/lib/outgoing-webhooks/events";
import { verifyWebhookSignature } from "@/lib/outgoing-webhooks/signature";
import { outgoingWebhooksWorker } from "@/lib/outgoing-webhooks/worker";
import { insertPatient, insertPayment, practiceWithKey, type KeyedPractice } from "./sync-setup";
import { startReceiver, type Receiver } from "./webhook-receiver";

let db: Database;
let p: KeyedPractice;
let receiver: Receiver;
let endpointId: string;
let secret: string;
let patientId: string;

beforeAll(async () => {
  db = await getDb();
  p = await practiceWithKey(db);
  receiver = await startReceiver();
  patientId = (await insertPatient(db, p.tenantId, "PMS-1")).id;
  // A payment from before the endpoint existed is never sent to it.
  await insertPayment(db, p.tenantId, patientId);
  const added = await addWebhookEndpoint(db, { tenantId: p.tenantId, actorUserId: p.ownerId }, receiver.url);
  if (!added.ok) throw new Error(added.message);
  endpointId = added.endpoint.id;
  secret = added.endpoint.secret;
});
afterAll(() => receiver.close());

const run = (now = new Date()) => outgoingWebhooksWorker.runOnce(db, now);
const deliveries = () => db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).orderBy(webhookDeliveries.createdAt);

/** The documented receiver algorithm, written independently of our signing code. */
function receiverAccepts(header: string, rawBody: string, key: string, nowSeconds: number): boolean {
  const fields = Object.fromEntries(header.split(",").map((kv) => kv.split("=") as [string, string]));
  const expected = createHmac("sha256", key).update(`${fields.t}.${rawBody}`).digest("hex");
  return Math.abs(nowSeconds - Number(fields.t)) <= 300 && expected === fields.v1;
}

describe("outgoing webhooks", () => {
  it("is one of the app's workers", () => {
    expect(WORKERS).toContain(outgoingWebhooksWorker);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });

  it("posts a signed payment.succeeded event once, which the documented verification accepts", async () => {
    const paid = await insertPayment(db, p.tenantId, patientId, { amountCents: 4_200 });
    const now = new Date();
    expect(await run(now)).toBe(2); // one queued, one sent
    expect(receiver.received).toHaveLength(1);
    const { body, headers } = receiver.received[0]!;
    const event = JSON.parse(body);
    expect(event).toMatchObject({ type: "payment.succeeded", data: { payment: { id: paid.id, amountCents: 4_200, patientExternalId: "PMS-1", status: "succeeded" } } });
    expect(headers["chairside-event-id"]).toBe(event.id);
    expect(headers["content-type"]).toBe("application/json");
    const signature = headers["chairside-signature"] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(receiverAccepts(signature, body, secret, Math.floor(now.getTime() / 1000))).toBe(true);
    expect(verifyWebhookSignature(secret, signature, body, now.getTime())).toBe(true);
    // A changed body, another secret or a stale timestamp are refused.
    expect(verifyWebhookSignature(secret, signature, body.replace("4200", "1"), now.getTime())).toBe(false);
    expect(verifyWebhookSignature("whsec_other", signature, body, now.getTime())).toBe(false);
    expect(verifyWebhookSignature(secret, signature, body, now.getTime() + 301_000)).toBe(false);

    const [row] = await deliveries();
    expect(row).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 200, eventType: "payment.succeeded" });
    // Nothing new: nothing sent again.
    expect(await run()).toBe(0);
    expect(receiver.received).toHaveLength(1);
  });

  it("sends payment.refunded for full and partial refunds, under a new event id", async () => {
    receiver.received.length = 0;
    const paid = await insertPayment(db, p.tenantId, patientId, { amountCents: 1_000 });
    await run();
    await db.update(payments).set({ status: "partially_refunded", refundedCents: 300 }).where(eq(payments.id, paid.id));
    await run();
    await db.update(payments).set({ status: "refunded", refundedCents: 1_000 }).where(eq(payments.id, paid.id));
    await run();
    const events = receiver.received.map((r) => JSON.parse(r.body));
    expect(events.map((e) => [e.type, e.data.payment.refundedCents])).toEqual([
      ["payment.succeeded", 0],
      ["payment.refunded", 300],
      ["payment.refunded", 1_000],
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
  });

  it("retries a failing endpoint with doubling backoff and gives up 24 hours after the event", async () => {
    receiver.received.length = 0;
    receiver.status = 500;
    await insertPayment(db, p.tenantId, patientId);
    const t0 = new Date();
    await run(t0);
    let [row] = (await deliveries()).filter((d) => d.status === "pending");
    expect(row).toMatchObject({ attempts: 1, lastStatusCode: 500, lastError: "HTTP 500" });
    expect(row!.nextAttemptAt.getTime()).toBe(t0.getTime() + 30_000);

    // Not due yet: no attempt.
    expect(await deliverDue(db, new Date(t0.getTime() + 29_000))).toBe(0);
    expect(await deliverDue(db, new Date(t0.getTime() + 30_000))).toBe(1);
    [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, row!.id));
    expect(row!.attempts).toBe(2);
    expect(row!.nextAttemptAt.getTime()).toBe(t0.getTime() + 30_000 + 60_000);
    expect([retryDelayMs(1), retryDelayMs(2), retryDelayMs(3), retryDelayMs(20)]).toEqual([30_000, 60_000, 120_000, 3_600_000]);

    // The last retry lands at the 24-hour mark; failing then is final.
    const last = new Date(row!.createdAt.getTime() + GIVE_UP_AFTER_MS);
    expect(await deliverDue(db, last)).toBe(1);
    [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, row!.id));
    expect(row).toMatchObject({ status: "failed", attempts: 3, lastStatusCode: 500 });
    expect(await deliverDue(db, new Date(last.getTime() + 3_600_000))).toBe(0);
    expect(receiver.received).toHaveLength(3);
    receiver.status = 200;
  });

  it("records an unreachable endpoint's error and delivers once it answers", async () => {
    const dead = await addWebhookEndpoint(db, { tenantId: p.tenantId, actorUserId: p.ownerId }, "http://127.0.0.1:9/nothing-listens");
    if (!dead.ok) throw new Error(dead.message);
    const id = await queueTestEvent(db, p.tenantId, dead.endpoint.id);
    expect(await deliverDue(db, new Date(), id!)).toBe(1);
    const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id!));
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null });
    expect(row!.lastError).toBeTruthy();
    expect(await removeWebhookEndpoint(db, { tenantId: p.tenantId, actorUserId: p.ownerId }, dead.endpoint.id)).toBe(true);
    const [after] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id!));
    expect(after!.status).toBe("failed");
  });

  it("sends each event once when several workers run at the same time", async () => {
    receiver.received.length = 0;
    for (let i = 0; i < 5; i++) await insertPayment(db, p.tenantId, patientId);
    const now = new Date();
    await Promise.all([run(now), run(now), run(now)]);
    await Promise.all([run(now), run(now)]);
    const ids = receiver.received.map((r) => r.headers["chairside-event-id"]);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
  });

  it("sends a test event on demand and shows every delivery in the log, newest first", async () => {
    receiver.received.length = 0;
    const id = await queueTestEvent(db, p.tenantId, endpointId);
    expect(await deliverDue(db, new Date(), id!)).toBe(1);
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: "test.ping" });
    const log = await listRecentDeliveries(db, p.tenantId);
    expect(log[0]).toMatchObject({ eventType: "test.ping", status: "succeeded", attempts: 1, lastStatusCode: 200, url: receiver.url });
    expect(log.map((l) => l.status)).toEqual(expect.arrayContaining(["succeeded", "failed"]));
  });

  it("keeps practices apart: another practice can't remove, test or read this practice's endpoints", async () => {
    const other = await practiceWithKey(db);
    const actor = { tenantId: other.tenantId, actorUserId: other.ownerId };
    expect(await removeWebhookEndpoint(db, actor, endpointId)).toBe(false);
    expect(await queueTestEvent(db, other.tenantId, endpointId)).toBeNull();
    expect(await listRecentDeliveries(db, other.tenantId)).toEqual([]);
    const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
    expect(endpoint!.disabledAt).toBeNull();
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.tenantId, p.tenantId), eq(auditLog.action, "webhook-endpoint.added")));
    expect(audits.length).toBeGreaterThanOrEqual(1);
  });
});

describe("endpoint URLs", () => {
  it("must be https, except a local receiver outside production", () => {
    expect(checkEndpointUrl("https://pms.example.com/hook", true)).toMatchObject({ ok: true });
    expect(checkEndpointUrl("http://pms.example.com/hook", false)).toMatchObject({ ok: false });
    expect(checkEndpointUrl("http://127.0.0.1:4000/hook", false)).toMatchObject({ ok: true });
    expect(checkEndpointUrl("http://localhost:4000/hook", true)).toMatchObject({ ok: false });
    expect(checkEndpointUrl("not a url", false)).toMatchObject({ ok: false });
    expect(checkEndpointUrl("https://user:pw@pms.example.com/", false)).toMatchObject({ ok: false });
  });

  it("can't point at private or loopback addresses in production", () => {
    for (const url of ["https://10.0.0.5/", "https://192.168.1.1/", "https://172.20.0.1/", "https://127.0.0.1/", "https://169.254.169.254/latest", "https://[::1]/", "https://localhost/", "https://db.internal/"]) {
      expect(checkEndpointUrl(url, true), url).toMatchObject({ ok: false });
    }
    expect(isPrivateAddress("::ffff:10.1.2.3")).toBe(true);
    expect(isPrivateAddress("93.184.215.14")).toBe(false);
  });
});

describe("the published verification sample", () => {
  it("accepts our signature and refuses a tampered body", async () => {
    const { VERIFY_SAMPLE_FUNCTION } = await import("@/lib/outgoing-webhooks/verification-sample");
    const { signWebhook } = await import("@/lib/outgoing-webhooks/signature");
    const crypto = await import("node:crypto");
    const verify = new Function("crypto", "Buffer", `${VERIFY_SAMPLE_FUNCTION}\nreturn verifyChairsideSignature;`)(crypto, Buffer) as (s: string, h: string, b: string) => boolean;
    const body = JSON.stringify({ id: "evt_1", type: "payment.succeeded" });
    const header = signWebhook("whsec_sample", body, Math.floor(Date.now() / 1000));
    expect(verify("whsec_sample", header, body)).toBe(true);
    expect(verify("whsec_sample", header, body.replace("evt_1", "evt_2"))).toBe(false);
    expect(verify("whsec_sample", signWebhook("whsec_sample", body, Math.floor(Date.now() / 1000) - 600), body)).toBe(false);
  });
});
