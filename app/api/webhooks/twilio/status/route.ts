// POST /api/webhooks/twilio/status — delivery status of a text (?m=<our message id>), X-Twilio-Signature
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { handleTwilioStatus, verifyTwilioRequest } from "@/lib/messaging/webhooks/twilio-webhooks";

export async function POST(req: Request): Promise<Response> {
  const rawBody = await req.text();
  const token = env().TWILIO_AUTH_TOKEN;
  if (!token) console.error("Twilio status callback refused: TWILIO_AUTH_TOKEN is not set.");
  const params = token ? verifyTwilioRequest(req.url, rawBody, req.headers.get("x-twilio-signature"), token) : null;
  if (!params) return Response.json({ error: { code: "invalid_signature" } }, { status: 400 });
  try {
    const outcome = await handleTwilioStatus(await getDb(), new URL(req.url).searchParams.get("m"), params);
    return Response.json(outcome === "ignored" ? { received: true, ignored: true } : { received: true });
  } catch (err) {
    console.error("Twilio status callback failed; Twilio will retry.", err instanceof Error ? err.message : err);
    return Response.json({ error: { code: "processing_failed" } }, { status: 500 });
  }
}
