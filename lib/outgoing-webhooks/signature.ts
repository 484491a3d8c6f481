import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Chairside-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>, the scheme Stripe
// popularised: the timestamp inside the MAC lets receivers refuse replays older than a few minutes.

export const SIGNATURE_HEADER = "Chairside-Signature";
export const EVENT_ID_HEADER = "Chairside-Event-Id";
export const EVENT_TYPE_HEADER = "Chairside-Event-Type";
/** How old a signature a receiver should accept (our documented recommendation, used by verifyWebhookSignature). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** A new endpoint signing secret (`whsec_` + 32 random bytes). */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** The Chairside-Signature header value for `rawBody` sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, rawBody: string, timestamp: number): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

/**
 * The receiver's side, exactly as documented: true only for a header whose v1 MAC matches the raw body and
 * whose timestamp is within the tolerance of `now`. Compares in constant time.
 */
export function verifyWebhookSignature(secret: string, header: string | null, rawBody: string, now = Date.now(), toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS): boolean {
  if (!header) return false;
  const parts = new Map<string, string[]>();
  for (const piece of header.split(",")) {
    const [k, v] = piece.trim().split("=", 2);
    if (k && v) parts.set(k, [...(parts.get(k) ?? []), v]);
  }
  const t = Number(parts.get("t")?.[0]);
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${t}.${rawBody}`).digest("hex"));
  return (parts.get("v1") ?? []).some((candidate) => {
    const got = Buffer.from(candidate);
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
}
