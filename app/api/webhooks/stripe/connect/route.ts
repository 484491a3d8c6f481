// POST /api/webhooks/stripe/connect — connected-account events
import { env } from "@/lib/env";
import { receiveStripeWebhook } from "@/lib/payments/stripe/webhooks/receive-webhook";

export async function POST(req: Request): Promise<Response> {
  return receiveStripeWebhook(req, { secret: env().STRIPE_CONNECT_WEBHOOK_SECRET, secretName: "STRIPE_CONNECT_WEBHOOK_SECRET" });
}
