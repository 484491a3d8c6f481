import { isSecretTokenShape, newSecretToken } from "@/lib/security/secret-token";
import { tenantUrl } from "@/lib/tenancy/urls";

// A personal link's token is a secret token (lib/security/secret-token.ts): 256 bits, only its sha256 stored.

/** A fresh token and the hash we store. */
export const newLinkToken = (): { token: string; tokenHash: string } => newSecretToken();

/** Whether a string could be one of our tokens at all (checked before any lookup). */
export const isLinkTokenShaped = (token: string): boolean => isSecretTokenShape(token);

/** The personal link on the practice's host: `<slug>.<root>/m/<token>`. */
export function paymentLinkUrl(slug: string, token: string): string {
  return tenantUrl(slug, `/m/${token}`);
}

/** The token inside a message that carries a personal link, or null. */
export function tokenInText(text: string): string | null {
  return /\/m\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/.exec(text)?.[1] ?? null;
}
