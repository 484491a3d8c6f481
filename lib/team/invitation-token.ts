import { isSecretTokenShape, newSecretToken } from "@/lib/security/secret-token";
import { sha256 } from "@/lib/security/sha256";

// The link in an invitation email is the only key to it (lib/security/secret-token.ts).

/** Days an invitation link stays valid. */
export const INVITATION_DAYS = 7;

/** A fresh random token (for the email only) and the hash to store. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  return newSecretToken("hex");
}

/** The stored form of a token: hex sha256. */
export function hashInvitationToken(token: string): string {
  return sha256(token, "hex");
}

/** True when `raw` could be a token we issued; anything else is refused before touching the database. */
export function isInvitationTokenShape(raw: unknown): raw is string {
  return isSecretTokenShape(raw);
}

/** When an invitation created at `now` stops working. */
export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
}

/** The accept page for a token, as a path on the root host. */
export function invitationPath(token: string): string {
  return `/invite/${token}`;
}
