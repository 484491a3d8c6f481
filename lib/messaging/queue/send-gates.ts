import type { Executor } from "@/db/client";
import type { Message } from "@/db/schema";
import { normalizeAddress, optedOutAddresses } from "../opt-outs";
import { cancelMessages, deferMessages } from "./complete-messages";
import { isQuietHours, quietHoursEnd } from "./local-time";
import { NOT_LIVE_DEFER_MS } from "./queue-policy";
import type { PracticeSendState } from "./practice-send-state";

/**
 * Checks claimed rows just before sending: practice can take payments, no texts in quiet hours, the recipient
 * hasn't opted out, the practice's send rate. Rows that may not go now are deferred or canceled (committed
 * before any provider call, so a crash replays exactly the rows that were sent); the rest are returned.
 */
export async function applySendGates(db: Executor, now: Date, claimId: string, rows: Message[], contexts: Map<string, PracticeSendState>): Promise<Message[]> {
  const deferUntil = new Map<number, string[]>();
  const defer = (row: Message, until: Date) => deferUntil.set(until.getTime(), [...(deferUntil.get(until.getTime()) ?? []), row.id]);
  const optedOut: string[] = [];
  const pass: Message[] = [];

  const blocked = new Map<string, Set<string>>();
  for (const tenantId of new Set(rows.map((r) => r.tenantId))) {
    const mine = rows.filter((r) => r.tenantId === tenantId);
    blocked.set(tenantId, await optedOutAddresses(db, tenantId, mine[0]!.channel, mine.map((r) => r.toAddress)));
  }

  for (const row of rows) {
    const ctx = contexts.get(row.tenantId);
    if (!ctx || !ctx.live) {
      defer(row, new Date(now.getTime() + NOT_LIVE_DEFER_MS));
    } else if (row.channel === "sms" && isQuietHours(now, ctx.timeZone)) {
      defer(row, quietHoursEnd(now, ctx.timeZone));
    } else if (blocked.get(row.tenantId)?.has(normalizeAddress(row.channel, row.toAddress) ?? row.toAddress)) {
      optedOut.push(row.id);
    } else if (ctx.sentLastMinute >= ctx.ratePerMinute) {
      // Back when the window frees a slot, a few seconds of jitter so instances don't all wake at once (one
      // time per practice per round: the overflow is deferred in one statement).
      ctx.overflowAt ??= new Date(Math.max(ctx.windowFreesAt.getTime(), now.getTime() + 1000) + Math.floor(Math.random() * 5_000));
      defer(row, ctx.overflowAt);
    } else {
      ctx.sentLastMinute += 1;
      pass.push(row);
    }
  }
  await cancelMessages(db, now, claimId, optedOut, "opted out");
  for (const [until, ids] of deferUntil) await deferMessages(db, now, claimId, ids, new Date(until));
  return pass;
}
