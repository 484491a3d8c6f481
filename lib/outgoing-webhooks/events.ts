import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { webhookDeliveries, webhookEndpoints, type WebhookEndpoint } from "@/db/schema";
import { readPaymentsFeed } from "@/lib/sync-api/payments-feed";
import type { ApiPayment } from "@/lib/sync-api/payment-view";

export type WebhookEventType = "payment.succeeded" | "payment.refunded" | "test.ping";

export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  /** Unix seconds. */
  created: number;
  data: { payment?: ApiPayment; message?: string };
}

const BATCH = 200;

/** The event a feed change becomes, or null for changes we don't announce (failed payments). */
function eventTypeFor(payment: ApiPayment): WebhookEventType | null {
  if (payment.status === "succeeded") return "payment.succeeded";
  if (payment.status === "refunded" || payment.status === "partially_refunded") return "payment.refunded";
  return null;
}

/** A stable event id for one feed change: retries and re-runs produce the same id, so receivers can dedupe. */
export function feedEventId(paymentId: string, position: number): string {
  return `evt_${paymentId.replace(/-/g, "")}_${position}`;
}

async function enqueueForEndpoint(db: Executor, endpoint: WebhookEndpoint, now: Date): Promise<number> {
  const entries = await readPaymentsFeed(db, endpoint.tenantId, endpoint.feedCursor, BATCH);
  if (entries.length === 0) return 0;
  const rows = entries.flatMap(({ position, payment }) => {
    const type = eventTypeFor(payment);
    if (!type) return [];
    const event: WebhookEvent = { id: feedEventId(payment.id, position), type, created: Math.floor(now.getTime() / 1000), data: { payment } };
    return [{ tenantId: endpoint.tenantId, endpointId: endpoint.id, eventId: event.id, eventType: type, payload: event, nextAttemptAt: now }];
  });
  if (rows.length > 0) await db.insert(webhookDeliveries).values(rows).onConflictDoNothing();
  await db.update(webhookEndpoints).set({ feedCursor: entries.at(-1)!.position }).where(eq(webhookEndpoints.id, endpoint.id));
  return rows.length;
}

/**
 * Turns new payment-feed changes into pending deliveries for every active endpoint, advancing each endpoint's
 * cursor in the same transaction as its inserts (the endpoint row is locked, so concurrent workers skip it).
 */
export async function enqueuePaymentEvents(db: Database, now = new Date()): Promise<number> {
  const endpoints = await db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(isNull(webhookEndpoints.disabledAt));
  let total = 0;
  for (const { id } of endpoints) {
    total += await db.transaction(async (tx) => {
      const [endpoint] = await tx
        .select()
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.id, id), isNull(webhookEndpoints.disabledAt)))
        .for("update", { skipLocked: true });
      return endpoint ? enqueueForEndpoint(tx, endpoint, now) : 0;
    });
  }
  return total;
}

/** Queues a `test.ping` event for one of the practice's endpoints; null for an unknown or other practice's endpoint. */
export async function queueTestEvent(db: Database, tenantId: string, endpointId: string, now = new Date()): Promise<string | null> {
  const [endpoint] = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.tenantId, tenantId), isNull(webhookEndpoints.disabledAt)));
  if (!endpoint) return null;
  const id = `evt_test_${randomBytes(12).toString("hex")}`;
  const event: WebhookEvent = { id, type: "test.ping", created: Math.floor(now.getTime() / 1000), data: { message: "A test event from Chairside." } };
  const [row] = await db.insert(webhookDeliveries).values({ tenantId, endpointId: endpoint.id, eventId: id, eventType: event.type, payload: event, nextAttemptAt: now }).returning({ id: webhookDeliveries.id });
  return row!.id;
}
