import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { REQUEST_STATES, requestsWithState, type RequestState } from "./request-state";

/** Requests per dashboard page. */
export const REQUESTS_PAGE_SIZE = 50;

/** The requests dashboard's filters, from the URL; anything malformed is ignored. */
export const requestFiltersSchema = z.object({
  state: z.enum(REQUEST_STATES).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  clinic: z.uuid().optional().catch(undefined),
  batch: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type RequestFilters = z.output<typeof requestFiltersSchema>;

export interface RequestRow {
  id: string;
  patientId: string;
  firstName: string;
  lastName: string;
  clinicName: string | null;
  balanceCents: number;
  paidCents: number;
  currency: string;
  channels: string[];
  state: RequestState;
  createdAt: Date;
  expiresAt: Date;
  openCount: number;
  remindersSent: number;
}

function filtered(tenantId: string, timeZone: string, f: RequestFilters, now: Date): SQL {
  const where: SQL[] = [sql`true`];
  if (f.state) where.push(sql`s.state = ${f.state}`);
  if (f.clinic) where.push(sql`s.clinic_id = ${f.clinic}`);
  if (f.batch) where.push(sql`s.batch_id = ${f.batch}`);
  // Dates are the practice's calendar days.
  if (f.from) where.push(sql`(s.created_at at time zone ${timeZone})::date >= ${f.from}::date`);
  if (f.to) where.push(sql`(s.created_at at time zone ${timeZone})::date <= ${f.to}::date`);
  return sql`(select * from (${requestsWithState(tenantId, now)}) s where ${sql.join(where, sql` and `)})`;
}

/** One page of this practice's requests with their states, newest first, and totals over every match: requested vs collected. */
export async function listRequests(db: Executor, tenantId: string, timeZone: string, f: RequestFilters, now = new Date()) {
  const page = f.page ?? 1;
  const base = filtered(tenantId, timeZone, f, now);
  const [rows, [totals]] = await Promise.all([
    queryRows<Record<string, unknown>>(
      db,
      sql`select f.*, p.first_name, p.last_name, c.name as clinic_name from ${base} f
          join patients p on p.id = f.patient_id and p.tenant_id = f.tenant_id
          left join clinics c on c.id = f.clinic_id
          order by f.created_at desc, f.id limit ${REQUESTS_PAGE_SIZE + 1} offset ${(page - 1) * REQUESTS_PAGE_SIZE}`,
    ),
    queryRows<{ n: number | string; requested: number | string | null; collected: number | string | null }>(
      db,
      sql`select count(*) as n, sum(f.balance_cents) as requested, sum(f.paid_cents) as collected from ${base} f`,
    ),
  ]);
  const mapped: RequestRow[] = rows.slice(0, REQUESTS_PAGE_SIZE).map((r) => ({
    id: String(r.id),
    patientId: String(r.patient_id),
    firstName: String(r.first_name),
    lastName: String(r.last_name),
    clinicName: (r.clinic_name as string | null) ?? null,
    balanceCents: Number(r.balance_cents),
    paidCents: Number(r.paid_cents),
    currency: String(r.currency),
    channels: r.channels as string[],
    state: r.state as RequestState,
    createdAt: new Date(r.created_at as string),
    expiresAt: new Date(r.expires_at as string),
    openCount: Number(r.open_count),
    remindersSent: Number(r.reminders_sent),
  }));
  return {
    rows: mapped,
    page,
    hasMore: rows.length > REQUESTS_PAGE_SIZE,
    totals: { count: Number(totals?.n ?? 0), requestedCents: Number(totals?.requested ?? 0), collectedCents: Number(totals?.collected ?? 0) },
  };
}

/** One request's state (null for another practice's id). */
export async function requestState(db: Executor, tenantId: string, requestId: string, now = new Date()): Promise<{ state: RequestState; paidCents: number } | null> {
  const [row] = await queryRows<{ state: RequestState; paid_cents: number }>(db, sql`select s.state, s.paid_cents from (${requestsWithState(tenantId, now)}) s where s.id = ${requestId}`);
  return row ? { state: row.state, paidCents: Number(row.paid_cents) } : null;
}
