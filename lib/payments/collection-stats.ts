import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { queryRows } from "@/db/query-rows";

export interface CollectionStats {
  /** One entry per day of the last `days` days (oldest first), in the practice's time zone. */
  perDay: { day: string; cents: number }[];
  totalCents: number;
  /** Succeeded payments the office hasn't entered in its practice software yet. */
  toPostCount: number;
}

/** Money collected per day (net of refunds) and how many payments wait to be posted, for one practice. */
export async function loadCollectionStats(db: Executor, tenantId: string, timeZone: string, days = 30, now = new Date()): Promise<CollectionStats> {
  const rows = await queryRows<{ day: string; cents: string }>(
    db,
    sql`SELECT to_char((succeeded_at AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS day,
               sum(amount_cents - refunded_cents)::bigint AS cents
        FROM payments
        WHERE tenant_id = ${tenantId} AND status IN ('succeeded', 'partially_refunded', 'refunded')
          AND succeeded_at >= ${new Date(now.getTime() - days * 86_400_000).toISOString()}::timestamptz
        GROUP BY 1`,
  );
  const byDay = new Map(rows.map((r) => [r.day, Number(r.cents)]));
  const perDay: CollectionStats["perDay"] = [];
  const fmt = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  for (let i = days - 1; i >= 0; i--) {
    const day = fmt.format(new Date(now.getTime() - i * 86_400_000));
    perDay.push({ day, cents: byDay.get(day) ?? 0 });
  }
  const [pending] = await queryRows<{ n: string }>(
    db,
    sql`SELECT count(*) AS n FROM payments WHERE tenant_id = ${tenantId} AND status IN ('succeeded', 'partially_refunded') AND posted_at IS NULL`,
  );
  return { perDay, totalCents: perDay.reduce((a, d) => a + d.cents, 0), toPostCount: Number(pending?.n ?? 0) };
}
