// POST /api/webhooks/twilio/inbound — texts patients send us: STOP / START / HELP, answered with TwiML
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { handleInboundText, verifyTwilioRequest } from "@/lib/messaging/webhooks/twilio-webhooks";

export async function POST(req: Request): Promise<Response> {
  const rawBody = await req.text();
  const token = env().TWILIO_AUTH_TOKEN;
  if (!token) console.error("Twilio inbound text refused: TWILIO_AUTH_TOKEN is not set.");
  const params = token ? verifyTwilioRequest(req.url, rawBody, req.headers.get("x-twilio-signature"), token) : null;
  if (!params) return Response.json({ error: { code: "invalid_signature" } }, { status: 400 });
  try {
    const twiml = await handleInboundText(await getDb(), params);
    return new Response(twiml, { headers: { "Content-Type": "text/xml; charset=utf-8" } });
  } catch (err) {
    // Twilio retries on a 5xx; the opt-out is idempotent, so a retry is safe. Never log the text or the number.
    console.error("Twilio inbound text failed; Twilio will retry.", err instanceof Error ? err.name : "error");
    return Response.json({ error: { code: "processing_failed" } }, { status: 500 });
  }
}
