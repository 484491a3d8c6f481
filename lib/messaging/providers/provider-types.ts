// What the queue needs from an email or text provider, so the worker never knows which one is configured.

/** One rendered email as the queue hands it over. Identical input → identical request (idempotent replays). */
export interface OutgoingEmail {
  messageId: string;
  tenantId: string;
  to: string;
  subject: string;
  html: string | null;
  text: string;
  headers: Record<string, string>;
}

export interface OutgoingText {
  messageId: string;
  tenantId: string;
  to: string;
  body: string;
  /** Where the provider reports delivery; carries our message id so a report can be matched before we stored the provider's id. */
  statusCallbackUrl: string;
}

/**
 * Why a provider call failed. `retry`: refused for now (429, 5xx), nothing was sent. `permanent`: refused for good
 * (bad address). `unknown`: no answer (network, timeout), so it may or may not have been sent. `opted-out`: the
 * provider knows the recipient opted out. `already-sent`: the idempotency key was used before with other content,
 * so the provider did accept a request under it (and won't say with which ids).
 */
export interface ProviderFailure {
  ok: false;
  kind: "retry" | "permanent" | "unknown" | "opted-out" | "already-sent";
  code: string;
  message: string;
}

export type BatchOutcome = { ok: true; providerIds: string[] } | ProviderFailure;
export type SingleOutcome = { ok: true; providerId: string } | ProviderFailure;

export interface EmailProvider {
  name: "resend" | "outbox";
  /** One email, sent at most once per idempotency key. */
  sendOne(email: OutgoingEmail, idempotencyKey: string): Promise<SingleOutcome>;
  /** Up to 100 emails in one call, sent at most once per idempotency key; ids come back in input order. */
  sendBatch(emails: OutgoingEmail[], idempotencyKey: string): Promise<BatchOutcome>;
}

export interface TextProvider {
  name: "twilio" | "outbox";
  send(text: OutgoingText): Promise<SingleOutcome>;
}

export interface Providers {
  email: EmailProvider;
  sms: TextProvider;
}
