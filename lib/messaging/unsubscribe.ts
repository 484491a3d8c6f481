import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { tenantSlugRedirects, tenants } from "@/db/schema";
import { isOptedOut, optOut } from "./opt-outs";
import { readUnsubscribeToken } from "./unsubscribe-token";

export interface UnsubscribeTarget {
  tenantId: string;
  practiceName: string;
  email: string;
}

// The practice a host speaks for: its own, or — while the redirect lasts — the one that gave the subdomain up.
// Emails sent before a subdomain change carry links on the old host, and route handlers (the one-click POST)
// don't pass through the portal layout that redirects: without this those links would stop unsubscribing.
async function practiceOnHost(db: Executor, hostSlug: string, now: Date): Promise<{ id: string; name: string } | null> {
  const [current] = await db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.slug, hostSlug));
  if (current) return current;
  const [moved] = await db
    .select({ id: tenants.id, name: tenants.name })
    .from(tenantSlugRedirects)
    .innerJoin(tenants, eq(tenants.id, tenantSlugRedirects.tenantId))
    .where(and(eq(tenantSlugRedirects.oldSlug, hostSlug), gt(tenantSlugRedirects.expiresAt, now)));
  return moved ?? null;
}

/**
 * Who a link unsubscribes, if its token is intact and was made for the practice whose host it was opened on
 * (a renamed practice's old host counts while it still redirects).
 */
export async function unsubscribeTarget(db: Executor, hostSlug: string, token: string, now = new Date()): Promise<UnsubscribeTarget | null> {
  const read = readUnsubscribeToken(token);
  if (!read) return null;
  const tenant = await practiceOnHost(db, hostSlug, now);
  // A token for practice A opened on practice B's host is refused: a link only ever speaks for its own practice.
  if (!tenant || tenant.id !== read.tenantId) return null;
  return { tenantId: tenant.id, practiceName: tenant.name, email: read.email };
}

/** Opts the link's address out of the practice's email (idempotent); false when the link is not valid on this host. */
export async function unsubscribeByLink(db: Executor, hostSlug: string, token: string, source: "one-click" | "page"): Promise<boolean> {
  const target = await unsubscribeTarget(db, hostSlug, token);
  if (!target) return false;
  await optOut(db, { tenantId: target.tenantId, channel: "email", address: target.email, source: `unsubscribe-${source}` });
  return true;
}

/** Whether the link's address has already unsubscribed from the practice. */
export function isUnsubscribed(db: Executor, target: UnsubscribeTarget): Promise<boolean> {
  return isOptedOut(db, target.tenantId, "email", target.email);
}
