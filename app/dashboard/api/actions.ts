"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { failure, memberAction, success, type MemberContext } from "@/lib/auth/safe-action";
import { deliverDue } from "@/lib/outgoing-webhooks/deliver";
import { addEndpointSchema, addWebhookEndpoint, endpointIdSchema, removeWebhookEndpoint } from "@/lib/outgoing-webhooks/endpoints";
import { queueTestEvent } from "@/lib/outgoing-webhooks/events";
import { requestIp } from "@/lib/platform/request-ip";
import { createApiKey, createApiKeySchema, revokeApiKey, revokeApiKeySchema } from "@/lib/sync-api/api-keys";

// Owner-only changes to the practice's API access. The practice always comes from the session.

const API_PATH = "/dashboard/api";

async function actor({ user, tenant }: MemberContext) {
  return { tenantId: tenant.id, actorUserId: user.id, ip: await requestIp() };
}

export const createKeyAction = memberAction(createApiKeySchema, { role: "owner" }, async (input, ctx) => {
  const created = await createApiKey(await getDb(), await actor(ctx), input);
  revalidatePath(API_PATH);
  // The only time the key exists outside the caller's hands: shown once, never stored.
  return success({ key: created.key, name: created.name }, `Key "${created.name}" created. Copy it now: it won't be shown again.`);
});

export const revokeKeyAction = memberAction(revokeApiKeySchema, { role: "owner" }, async ({ keyId }, ctx) => {
  if (!(await revokeApiKey(await getDb(), await actor(ctx), keyId))) return failure("That key doesn't exist or is already revoked.");
  revalidatePath(API_PATH);
  return success(undefined, "Key revoked. Requests with it are now refused.");
});

export const addEndpointAction = memberAction(addEndpointSchema, { role: "owner" }, async ({ url }, ctx) => {
  const added = await addWebhookEndpoint(await getDb(), await actor(ctx), url);
  if (!added.ok) return { ...failure(undefined, { url: [added.message] }), values: { url } };
  revalidatePath(API_PATH);
  return success(undefined, "Endpoint added. New payment events will be sent to it.");
});

export const removeEndpointAction = memberAction(endpointIdSchema, { role: "owner" }, async ({ endpointId }, ctx) => {
  if (!(await removeWebhookEndpoint(await getDb(), await actor(ctx), endpointId))) return failure("That endpoint doesn't exist or was already removed.");
  revalidatePath(API_PATH);
  return success(undefined, "Endpoint removed.");
});

export const sendTestEventAction = memberAction(endpointIdSchema, { role: "owner" }, async ({ endpointId }, ctx) => {
  const db = await getDb();
  const deliveryId = await queueTestEvent(db, ctx.tenant.id, endpointId);
  if (!deliveryId) return failure("That endpoint doesn't exist or was removed.");
  // Try it right away so the owner sees the answer; failures are retried like any event.
  await deliverDue(db, new Date(), deliveryId);
  revalidatePath(API_PATH);
  return success(undefined, "Test event sent. See the delivery log below for your endpoint's answer.");
});
