import { Resend } from "resend";
import type { Executor } from "@/db/client";
import { optOut } from "../opt-outs";
import { applyStatusReport, type ReportedStatus } from "./apply-status";

// Resend signs webhooks with Svix (svix-id, svix-timestamp, svix-signature); the SDK verifies them offline.

export interface ResendDeliveryEvent {
  type: string;
  created_at?: string;
  data?: { email_id?: string; tags?: Record<string, string> | { name: string; value: string }[]; bounce?: { type?: string; message?: string } };
}

/** The event if `payload` carries a valid, fresh signature for `secret`; null otherwise. */
export function verifyResendWebhook(payload: string, headers: Headers, secret: string): ResendDeliveryEvent | null {
  const id = headers.get("svix-id");
  const timestamp = headers.get("svix-timestamp");
  const signature = headers.get("svix-signature");
  if (!id || !timestamp || !signature) return null;
  try {
    // The key is never used to call Resend; verify() only checks the signature.
    return new Resend("re_webhook_verification").webhooks.verify({ payload, headers: { id, timestamp, signature }, webhookSecret: secret }) as ResendDeliveryEvent;
  } catch {
    return null;
  }
}

const HANDLED: Record<string, ReportedStatus> = {
  "email.delivered": "delivered",
  "email.bounced": "bounced",
  "email.complained": "complained",
};

function messageIdTag(tags: NonNullable<ResendDeliveryEvent["data"]>["tags"]): string | null {
  if (!tags) return null;
  if (Array.isArray(tags)) return tags.find((t) => t.name === "message_id")?.value ?? null;
  return tags.message_id ?? null;
}

/** Applies one verified Resend event; a complaint also opts the address out of the practice's email. Other types are ignored. */
export async function handleResendEvent(db: Executor, event: ResendDeliveryEvent): Promise<"applied" | "ignored"> {
  const status = HANDLED[event.type];
  const providerId = event.data?.email_id;
  if (!status || !providerId) return "ignored";
  const at = event.created_at && !Number.isNaN(Date.parse(event.created_at)) ? new Date(event.created_at) : new Date();
  const bounce = event.data?.bounce;
  const row = await applyStatusReport(db, {
    channel: "email",
    messageId: messageIdTag(event.data?.tags),
    providerId,
    status,
    at,
    error: status === "bounced" ? `bounced: ${bounce?.type ?? "unknown"}${bounce?.message ? ` (${bounce.message})` : ""}` : status === "complained" ? "marked as spam by the recipient" : undefined,
  });
  if (!row) return "ignored";
  if (status === "complained") await optOut(db, { tenantId: row.tenantId, channel: "email", address: row.toAddress, source: "resend-complaint" });
  return "applied";
}
