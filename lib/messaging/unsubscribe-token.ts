import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { timingSafeEqualText } from "@/lib/security/timing-safe";
import { tenantUrl } from "@/lib/tenancy/urls";

// One-click unsubscribe links carry who and where, signed with the app secret: no table to look up, nothing
// guessable, and an old link keeps working (unsubscribing is always allowed).

function sign(tenantId: string, email: string): string {
  return createHmac("sha256", authSecret()).update(`unsubscribe:${tenantId}:${email.toLowerCase()}`).digest("base64url").slice(0, 32);
}

/** The opaque token for `email` at practice `tenantId`. */
export function unsubscribeToken(tenantId: string, email: string): string {
  const payload = Buffer.from(JSON.stringify([tenantId, email.toLowerCase()])).toString("base64url");
  return `${payload}.${sign(tenantId, email)}`;
}

/** The practice and email a token was made for, or null if it was altered. */
export function readUnsubscribeToken(token: string): { tenantId: string; email: string } | null {
  const [payload, signature] = token.split(".");
  if (!payload || !signature) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== "string" || typeof parsed[1] !== "string") return null;
  const [tenantId, email] = parsed as [string, string];
  return timingSafeEqualText(signature, sign(tenantId, email)) ? { tenantId, email } : null;
}

/** The one-click unsubscribe URL on the practice's host (`/u/<token>`): GET shows a confirm page, POST unsubscribes. */
export function unsubscribeUrl(tenantSlug: string, tenantId: string, email: string): string {
  return tenantUrl(tenantSlug, `/u/${unsubscribeToken(tenantId, email)}`);
}

/** The RFC 8058 one-click endpoint for `email` at the practice (`/u/<token>/one-click`): mail clients POST to it. */
export function oneClickUnsubscribeUrl(tenantSlug: string, tenantId: string, email: string): string {
  return tenantUrl(tenantSlug, `/u/${unsubscribeToken(tenantId, email)}/one-click`);
}
