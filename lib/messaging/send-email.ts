import { env } from "@/lib/env";
import { getDb } from "@/db/client";
import { devOutbox } from "@/db/schema";
import { resendClient } from "./resend-client";

export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The practice this mail is sent for; null for platform mail (sign-in links). */
  tenantId?: string | null;
  /** Same key → Resend sends at most once, even if we retry after a crash. */
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

export class EmailSendError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "EmailSendError";
  }
}

/** Hands one email to Resend, or to the dev outbox when no provider is configured. Throws EmailSendError on refusal. */
export async function sendEmail(msg: EmailMessage): Promise<{ id: string; via: "resend" | "outbox" }> {
  const from = env().EMAIL_FROM;
  const resend = resendClient();
  if (!resend) {
    const db = await getDb();
    const [row] = await db
      .insert(devOutbox)
      .values({ tenantId: msg.tenantId ?? null, channel: "email", toAddress: msg.to, fromAddress: from, subject: msg.subject, html: msg.html, text: msg.text })
      .returning({ id: devOutbox.id });
    return { id: row!.id, via: "outbox" };
  }
  const { data, error } = await resend.emails.send(
    { from, to: msg.to, subject: msg.subject, html: msg.html, text: msg.text, headers: msg.headers },
    msg.idempotencyKey ? { idempotencyKey: msg.idempotencyKey } : undefined,
  );
  if (error || !data) throw new EmailSendError(error?.name ?? "unknown_error", error?.message ?? "Resend returned no id");
  return { id: data.id, via: "resend" };
}
