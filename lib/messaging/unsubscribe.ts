import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { tenants } from "@/db/schema";
import { isOptedOut, optOut } from "./opt-outs";
import { readUnsubscribeToken } from "./unsubscribe-token";

export interface UnsubscribeTarget {
  tenantId: string;
  practiceName: string;
  email: string;
}

/** Who a link unsubscribes, if its token is intact and was made for the practice whose host it was opened on. */
export async function unsubscribeTarget(db: Executor, hostSlug: string, token: string): Promise<UnsubscribeTarget | null> {
  const read = readUnsubscribeToken(token);
  if (!read) return null;
  const [tenant] = await db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.slug, hostSlug));
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
