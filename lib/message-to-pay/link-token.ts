import { randomBytes } from "node:crypto";
import { sha256 } from "@/lib/security/sha256";
import { tenantUrl } from "@/lib/tenancy/urls";

// A personal link's token: 32 random bytes (256 bits), base64url, 43 characters. Only its sha256 is stored.
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh token and the hash we store. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: sha256(token) };
}

/** Whether a string could be one of our tokens at all (checked before any lookup). */
export function isLinkTokenShaped(token: string): boolean {
  return TOKEN_RE.test(token);
}

/** The personal link on the practice's host: `<slug>.<root>/m/<token>`. */
export function paymentLinkUrl(slug: string, token: string): string {
  return tenantUrl(slug, `/m/${token}`);
}

/** The token inside a message that carries a personal link, or null. */
export function tokenInText(text: string): string | null {
  return /\/m\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/.exec(text)?.[1] ?? null;
}
