// POST /api/webhooks/stripe — platform-account events
import { env } from "@/lib/env";
import { receiveStripeWebhook } from "@/lib/payments/stripe/webhooks/receive-webhook";

export async function POST(req: Request): Promise<Response> {
  return receiveStripeWebhook(req, { secret: env().STRIPE_WEBHOOK_SECRET, secretName: "STRIPE_WEBHOOK_SECRET" });
}
