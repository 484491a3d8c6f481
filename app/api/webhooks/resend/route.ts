// POST /api/webhooks/resend — email delivery events (delivered, bounced, complained), Svix-signed
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { handleResendEvent, verifyResendWebhook } from "@/lib/messaging/webhooks/resend-webhook";

export async function POST(req: Request): Promise<Response> {
  // The signature covers these exact bytes.
  const rawBody = await req.text();
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) console.error("Resend webhook refused: RESEND_WEBHOOK_SECRET is not set.");
  const event = secret ? verifyResendWebhook(rawBody, req.headers, secret) : null;
  if (!event) return Response.json({ error: { code: "invalid_signature" } }, { status: 400 });
  try {
    const outcome = await handleResendEvent(await getDb(), event);
    return Response.json(outcome === "ignored" ? { received: true, ignored: true } : { received: true });
  } catch (err) {
    console.error(`Resend webhook ${event.type} failed; Resend will retry.`, err instanceof Error ? err.message : err);
    return Response.json({ error: { code: "processing_failed" } }, { status: 500 });
  }
}
