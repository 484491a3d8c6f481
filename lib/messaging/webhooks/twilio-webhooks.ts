import twilio from "twilio";
import type { Executor } from "@/db/client";
import { rootUrl } from "@/lib/tenancy/urls";
import { optIn, optOut } from "../opt-outs";
import { applyStatusReport, type ReportedStatus } from "./apply-status";

// Twilio signs each webhook over the exact public URL it called plus the POSTed form fields. Behind proxies the
// URL the request arrives on differs, so we rebuild it from our public root (the URL we gave Twilio).

/** The form fields if the request carries a valid X-Twilio-Signature for `authToken`; null otherwise. */
export function verifyTwilioRequest(url: string, rawBody: string, signature: string | null, authToken: string): Record<string, string> | null {
  if (!signature) return null;
  const { pathname, search } = new URL(url);
  const params = Object.fromEntries(new URLSearchParams(rawBody));
  return twilio.validateRequest(authToken, signature, rootUrl(pathname + search), params) ? params : null;
}

const STATUS: Record<string, ReportedStatus> = { sent: "sent", delivered: "delivered", undelivered: "failed", failed: "failed" };

/** Applies a Twilio status callback (`m` = our message id from the callback URL); other statuses are ignored. */
export async function handleTwilioStatus(db: Executor, messageId: string | null, params: Record<string, string>): Promise<"applied" | "ignored"> {
  const status = STATUS[params.MessageStatus ?? ""];
  const sid = params.MessageSid;
  if (!status || !sid) return "ignored";
  const row = await applyStatusReport(db, {
    channel: "sms",
    messageId,
    providerId: sid,
    status,
    at: new Date(),
    error: status === "failed" ? `Twilio ${params.MessageStatus}${params.ErrorCode ? ` (error ${params.ErrorCode})` : ""}` : undefined,
  });
  return row ? "applied" : "ignored";
}

const STOP = new Set(["stop", "stopall", "unsubscribe", "cancel", "end", "quit"]);
const START = new Set(["start", "unstop", "yes"]);
const HELP = new Set(["help", "info"]);

export const HELP_REPLY =
  "Chairside: payment reminders from your dental office. Reply STOP to opt out, START to opt back in. Msg&data rates may apply. " +
  "Recordatorios de pago de su consultorio dental. Responda STOP para cancelar, START para volver a recibirlos.";
export const START_REPLY = "You're subscribed again to payment texts from your dental office. Reply STOP to opt out. / Volverá a recibir mensajes. Responda STOP para cancelar.";

function twiml(message?: string): string {
  const response = new twilio.twiml.MessagingResponse();
  if (message) response.message(message);
  return response.toString();
}

/**
 * Handles an inbound text: STOP words opt the number out of every practice's texts (carriers apply STOP per
 * sending number), START words opt it back in, HELP replies with help. Returns the TwiML answer.
 */
export async function handleInboundText(db: Executor, params: Record<string, string>): Promise<string> {
  const from = params.From ?? "";
  const word = (params.Body ?? "").trim().toLowerCase();
  if (STOP.has(word)) {
    await optOut(db, { tenantId: null, channel: "sms", address: from, source: "sms-stop" });
    // Twilio (and carriers) confirm a STOP themselves and block replies to it.
    return twiml();
  }
  if (START.has(word)) {
    await optIn(db, { tenantId: null, channel: "sms", address: from });
    return twiml(START_REPLY);
  }
  if (HELP.has(word)) return twiml(HELP_REPLY);
  return twiml();
}
