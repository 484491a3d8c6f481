import { z } from "zod";

// Edge-safe: used by the middleware, sign-up and the support console alike.

/** Subdomains that can never be a practice: ours, or confusing to patients. */
export const RESERVED_SUBDOMAINS: ReadonlySet<string> = new Set([
  "www", "app", "api", "admin", "support", "help", "mail", "email", "smtp", "imap", "pop", "ftp",
  "dashboard", "status", "docs", "blog", "static", "assets", "cdn", "img", "images", "media",
  "auth", "login", "signin", "sign-in", "signup", "sign-up", "account", "accounts", "billing",
  "pay", "payments", "portal", "secure", "stripe", "webhooks", "dev", "test", "staging", "demo",
  "chairside", "root", "system", "localhost", "ns1", "ns2", "mx",
]);

/** 3–40 characters of a–z, 0–9 and single hyphens, starting and ending with a letter or digit. */
const SLUG_RE = /^[a-z0-9](?:[a-z0-9]|-(?!-)){1,38}[a-z0-9]$/;

/** True when the label is shaped like a practice subdomain (ignores reservation). */
export function isSlugShaped(label: string): boolean {
  return SLUG_RE.test(label);
}

export function isReservedSubdomain(label: string): boolean {
  return RESERVED_SUBDOMAINS.has(label);
}

/** The practice subdomain as typed at sign-up: trimmed, lower-cased, then checked. */
export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(40, "Use at most 40 characters.")
  .regex(/^[a-z0-9-]+$/, "Use only letters, numbers and hyphens.")
  .refine(isSlugShaped, "Start and end with a letter or number, and don't use two hyphens in a row.")
  .refine((s) => !isReservedSubdomain(s), "That name is reserved. Please choose another.");
