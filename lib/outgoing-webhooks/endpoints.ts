import { and, desc, eq, isNull, max } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "@/db/client";
import { payments, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { env } from "@/lib/env";
import { checkEndpointUrl } from "./endpoint-url";
import { generateSigningSecret } from "./signature";

export const addEndpointSchema = z.object({ url: z.string().trim().min(1, "Enter your endpoint's URL.").max(2000, "Use a shorter URL.") });
export const endpointIdSchema = z.object({ endpointId: z.uuid("Unknown endpoint.") });

export interface EndpointActor {
  tenantId: string;
  actorUserId: string;
  ip?: string | null;
}

/** How many endpoints a practice may register. */
export const MAX_ENDPOINTS = 5;

/**
 * Registers an endpoint for the actor's practice. It receives only payments that change from now on (its feed
 * cursor starts at the practice's current position), never the whole history.
 */
export async function addWebhookEndpoint(db: Database, actor: EndpointActor, rawUrl: string, opts: { production?: boolean } = {}) {
  const checked = checkEndpointUrl(rawUrl, opts.production ?? env().NODE_ENV === "production");
  if (!checked.ok) return { ok: false as const, message: checked.message };
  return db.transaction(async (tx) => {
    const active = await tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(and(eq(webhookEndpoints.tenantId, actor.tenantId), isNull(webhookEndpoints.disabledAt)));
    if (active.length >= MAX_ENDPOINTS) return { ok: false as const, message: `A practice can have at most ${MAX_ENDPOINTS} endpoints. Remove one first.` };
    const [position] = await tx.select({ at: max(payments.feedSeq) }).from(payments).where(eq(payments.tenantId, actor.tenantId));
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ tenantId: actor.tenantId, url: checked.url, secret: generateSigningSecret(), feedCursor: Number(position?.at ?? 0) })
      .returning();
    await recordAudit(tx, { tenantId: actor.tenantId, actorUserId: actor.actorUserId, action: "webhook-endpoint.added", after: { endpointId: row!.id, url: row!.url }, ip: actor.ip });
    return { ok: true as const, endpoint: row! };
  });
}

/** Stops deliveries to one of the actor's practice's endpoints (its log is kept); false for an unknown or other practice's endpoint. */
export async function removeWebhookEndpoint(db: Database, actor: EndpointActor, endpointId: string, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ disabledAt: now })
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.tenantId, actor.tenantId), isNull(webhookEndpoints.disabledAt)))
      .returning();
    if (!row) return false;
    await tx
      .update(webhookDeliveries)
      .set({ status: "failed", lastError: "Endpoint removed.", lockedUntil: null })
      .where(and(eq(webhookDeliveries.endpointId, row.id), eq(webhookDeliveries.status, "pending")));
    await recordAudit(tx, { tenantId: actor.tenantId, actorUserId: actor.actorUserId, action: "webhook-endpoint.removed", before: { endpointId: row.id, url: row.url }, ip: actor.ip });
    return true;
  });
}

/** The practice's active endpoints, oldest first (secrets included: only owners' pages may show them). */
export function listWebhookEndpoints(db: Executor, tenantId: string) {
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), isNull(webhookEndpoints.disabledAt)))
    .orderBy(webhookEndpoints.createdAt);
}

/** The practice's most recent deliveries, newest first, with their endpoint's URL. */
export function listRecentDeliveries(db: Executor, tenantId: string, limit = 50) {
  return db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      deliveredAt: webhookDeliveries.deliveredAt,
      createdAt: webhookDeliveries.createdAt,
      url: webhookEndpoints.url,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.tenantId, tenantId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.eventId))
    .limit(limit);
}
