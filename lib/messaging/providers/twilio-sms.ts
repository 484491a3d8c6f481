import type twilio from "twilio";
import type { OutgoingText, ProviderFailure, SingleOutcome, TextProvider } from "./provider-types";

// Texts through the twilio SDK. Twilio has no idempotency key: the queue records that a text was handed over
// before calling (see lib/messaging/queue/send-texts.ts), and only retries when Twilio answered with a refusal.

// Twilio error codes that say the recipient unsubscribed (STOP) from our sender.
const OPTED_OUT_CODES = new Set([21610]);

function failure(err: unknown): ProviderFailure {
  const e = err as { status?: number; code?: number; message?: string };
  const message = e.message ?? String(err);
  if (typeof e.status !== "number") return { ok: false, kind: "unknown", code: "network_error", message };
  const code = e.code ? String(e.code) : `http_${e.status}`;
  if (e.code && OPTED_OUT_CODES.has(e.code)) return { ok: false, kind: "opted-out", code, message };
  if (e.status === 429 || e.status >= 500) return { ok: false, kind: "retry", code, message };
  return { ok: false, kind: "permanent", code, message };
}

/** A TextProvider sending with `client` from a number (+1…) or a Messaging Service SID (MG…). */
export function twilioTextProvider(client: twilio.Twilio, from: string): TextProvider {
  const sender = from.startsWith("MG") ? { messagingServiceSid: from } : { from };
  return {
    name: "twilio",
    async send(text: OutgoingText): Promise<SingleOutcome> {
      try {
        const created = await client.messages.create({ to: text.to, body: text.body, statusCallback: text.statusCallbackUrl, ...sender });
        return { ok: true, providerId: created.sid };
      } catch (err) {
        return failure(err);
      }
    },
  };
}
