import type { Resend } from "resend";
import type { BatchOutcome, EmailProvider, OutgoingEmail, ProviderFailure, SingleOutcome } from "./provider-types";

// Resend through its SDK: one email with emails.send, up to 100 with batch.send, each with an idempotency key
// so a replay after a crash is answered with the first send's ids instead of mailing again.

type ResendError = { name: string; message: string; statusCode?: number | null };

function failure(error: ResendError | null): ProviderFailure {
  const status = error?.statusCode ?? null;
  const code = error?.name ?? "unknown_error";
  const message = error?.message ?? "Resend returned no data";
  // No status: the request never got an answer, so Resend may have accepted it.
  if (status === null) return { ok: false, kind: "unknown", code, message };
  if (code === "invalid_idempotent_request") return { ok: false, kind: "already-sent", code, message };
  if (status === 429 || status >= 500 || code === "concurrent_idempotent_requests") return { ok: false, kind: "retry", code, message };
  return { ok: false, kind: "permanent", code, message };
}

function payload(from: string, email: OutgoingEmail) {
  return {
    from,
    to: email.to,
    subject: email.subject,
    ...(email.html ? { html: email.html } : {}),
    text: email.text,
    headers: email.headers,
    // Delivery webhooks echo tags, which lets them find the message even before we stored Resend's id.
    tags: [{ name: "message_id", value: email.messageId }],
  };
}

/** An EmailProvider sending through `resend` from `from`. */
export function resendEmailProvider(resend: Resend, from: string): EmailProvider {
  return {
    name: "resend",
    async sendOne(email, idempotencyKey): Promise<SingleOutcome> {
      const { data, error } = await resend.emails.send(payload(from, email), { idempotencyKey });
      if (error || !data) return failure(error);
      return { ok: true, providerId: data.id };
    },
    async sendBatch(emails, idempotencyKey): Promise<BatchOutcome> {
      if (emails.length > 100) throw new Error("a Resend batch takes at most 100 emails");
      const { data, error } = await resend.batch.send(
        emails.map((e) => payload(from, e)),
        { idempotencyKey },
      );
      if (error || !data) return failure(error);
      const ids = data.data.map((d) => d.id);
      if (ids.length !== emails.length) return { ok: false, kind: "unknown", code: "batch_mismatch", message: `Resend returned ${ids.length} ids for ${emails.length} emails` };
      return { ok: true, providerIds: ids };
    },
  };
}
