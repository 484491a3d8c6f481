import { randomBytes } from "node:crypto";
import { sha256 } from "@/lib/security/sha256";

// The link in an invitation email is the only key to it: 256 random bits, shown once. We store only
// its sha256, so neither a database leak nor a support screen can produce a working link.

/** Days an invitation link stays valid. */
export const INVITATION_DAYS = 7;

const TOKEN_BYTES = 32;
// base64url of 32 bytes, without padding.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh random token (for the email only) and the hash to store. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

/** The stored form of a token: hex sha256. */
export function hashInvitationToken(token: string): string {
  return sha256(token, "hex");
}

/** True when `raw` could be a token we issued; anything else is refused before touching the database. */
export function isInvitationTokenShape(raw: unknown): raw is string {
  return typeof raw === "string" && TOKEN_SHAPE.test(raw);
}

/** When an invitation created at `now` stops working. */
export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
}

/** The accept page for a token, as a path on the root host. */
export function invitationPath(token: string): string {
  return `/invite/${token}`;
}
