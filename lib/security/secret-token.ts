import { randomBytes } from "node:crypto";
import { sha256 } from "./sha256";

// Tokens that are the only key to something (a link, a session): 256 random bits, base64url (43 characters), shown
// once. We store only the sha256, so a database leak or a support screen never yields a working token.

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh token and the hash to store (`hex` where a table was defined with hex hashes). */
export function newSecretToken(encoding: "base64url" | "hex" = "base64url"): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: sha256(token, encoding) };
}

/** True when `raw` could be a token newSecretToken made; anything else is refused before touching the database. */
export function isSecretTokenShape(raw: unknown): raw is string {
  return typeof raw === "string" && TOKEN_SHAPE.test(raw);
}
