import { getDb } from "@/db/client";
import { revalidatePortal } from "@/lib/tenancy/revalidate-portal";
import { isAllowedEvent } from "./allowed-events";
import { handleStripeEvent } from "./handle-event";
import { verifyStripeWebhook } from "./verify-webhook";

export interface WebhookEndpoint {
  /** This endpoint's signing secret (platform and Connect endpoints each have their own). */
  secret: string | undefined;
  /** The variable that holds it, named in the log when it is missing. */
  secretName: string;
}

/**
 * One Stripe webhook delivery → one response. 400 unless signed for this endpoint over the raw
 * body; 200 once the event is applied, was already applied, or is of a type we ignore; 500 when
 * applying it failed and nothing was recorded, so Stripe retries. Bodies never carry error details.
 */
export async function receiveStripeWebhook(req: Request, endpoint: WebhookEndpoint): Promise<Response> {
  // The signature covers these exact bytes; parsed and re-serialised JSON would not verify.
  const rawBody = await req.text();
  if (!endpoint.secret) console.error(`Stripe webhook refused: ${endpoint.secretName} is not set.`);
  const event = verifyStripeWebhook(rawBody, req.headers.get("stripe-signature"), endpoint.secret);
  if (!event) return Response.json({ error: { code: "invalid_signature" } }, { status: 400 });
  if (!isAllowedEvent(event)) return Response.json({ received: true, ignored: true });

  let result;
  try {
    result = await handleStripeEvent(await getDb(), event);
  } catch (err) {
    console.error(`Stripe webhook ${event.type} ${event.id} failed; Stripe will retry.`, err);
    return Response.json({ error: { code: "processing_failed" } }, { status: 500 });
  }
  if (result.outcome === "processed" && result.portalSlug) {
    try {
      revalidatePortal(result.portalSlug);
    } catch (err) {
      // Committed already: a retry would be a duplicate and revalidate nothing. The portal cache expires on its own in 30 s.
      console.error(`Could not revalidate the portal of ${result.portalSlug} after ${event.id}.`, err);
    }
  }
  if (result.outcome === "ignored") return Response.json({ received: true, ignored: true });
  if (result.outcome === "duplicate") return Response.json({ received: true, duplicate: true });
  return Response.json({ received: true });
}
