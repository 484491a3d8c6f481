import { randomBytes } from "node:crypto";
import { sha256 } from "@/lib/security/sha256";

// `cs_live_` + 32 random bytes (base64url, 43 characters): unguessable, so a hash lookup is enough.

export const API_KEY_PREFIX = "cs_live_";
const KEY_RE = /^cs_live_[A-Za-z0-9_-]{43}$/;
/** How many characters of a key we keep in clear to tell keys apart in lists. */
export const VISIBLE_PREFIX_LENGTH = 12;

/** A fresh secret key with its displayable prefix and the hash we store; the key itself is never stored. */
export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, VISIBLE_PREFIX_LENGTH), keyHash: sha256(key) };
}

/** True when `value` has the shape of one of our keys (checked before any database lookup). */
export function isApiKeyShaped(value: string): boolean {
  return KEY_RE.test(value);
}

/** The stored fingerprint of a key. */
export function hashApiKey(key: string): string {
  return sha256(key);
}
