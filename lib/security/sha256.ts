import { createHash } from "node:crypto";

/**
 * sha256 of a string. Used wherever we keep only a fingerprint: stored session, invitation and
 * email-confirmation tokens, and rate-limit keys that must not contain an email address.
 */
export function sha256(value: string, encoding: "base64url" | "hex" = "base64url"): string {
  return createHash("sha256").update(value).digest(encoding);
}
