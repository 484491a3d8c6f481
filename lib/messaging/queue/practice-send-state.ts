import { and, count, eq, gt, inArray, min } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { messages, messagingSettings, tenants } from "@/db/schema";
import { DEFAULT_MESSAGING_SETTINGS } from "@/lib/message-to-pay/messaging-settings";
import { loadSetupState } from "@/lib/tenancy/setup-state";

/** What the worker must know about a practice before sending for it. */
export interface PracticeSendState {
  tenantId: string;
  slug: string;
  timeZone: string;
  /** Patients can pay right now; messages of a practice that can't are held back, not sent. */
  live: boolean;
  ratePerMinute: number;
  /** Messages handed to a provider in the last minute, including those sent earlier in this round. */
  sentLastMinute: number;
  /** When the oldest send of the last minute leaves the window, freeing a slot. */
  windowFreesAt: Date;
  /** When this round's over-the-rate rows come back (set by the first one). */
  overflowAt?: Date;
}


/** Loads the send context of each practice in `tenantIds`. */
export async function loadPracticeSendStates(db: Executor, tenantIds: string[], now: Date): Promise<Map<string, PracticeSendState>> {
  const ids = [...new Set(tenantIds)];
  const out = new Map<string, PracticeSendState>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ id: tenants.id, slug: tenants.slug, timeZone: tenants.timeZone, rate: messagingSettings.sendRatePerMinute })
    .from(tenants)
    .leftJoin(messagingSettings, eq(messagingSettings.tenantId, tenants.id))
    .where(inArray(tenants.id, ids));
  const recent = await db
    .select({ tenantId: messages.tenantId, n: count(), oldest: min(messages.sentAt) })
    .from(messages)
    .where(and(inArray(messages.tenantId, ids), gt(messages.sentAt, new Date(now.getTime() - 60_000))))
    .groupBy(messages.tenantId);
  for (const r of rows) {
    const seen = recent.find((x) => x.tenantId === r.id);
    const setup = await loadSetupState(db, r.id, now);
    out.set(r.id, {
      tenantId: r.id,
      slug: r.slug,
      timeZone: r.timeZone,
      live: setup.live,
      ratePerMinute: r.rate ?? DEFAULT_MESSAGING_SETTINGS.sendRatePerMinute,
      sentLastMinute: Number(seen?.n ?? 0),
      windowFreesAt: new Date((seen?.oldest ? new Date(seen.oldest).getTime() : now.getTime()) + 60_000),
    });
  }
  return out;
}
