import { and, asc, eq, isNotNull, ne, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { patients } from "@/db/schema";
import { parseMoneyToCents } from "@/lib/money";

const checkbox = z
  .union([z.literal("on"), z.literal("yes"), z.literal("true"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "yes" || v === "true");
const optionalDays = z
  .union([z.literal(""), z.coerce.number({ error: "Enter a whole number of days." }).int("Enter a whole number of days.").min(0, "Use 0 or more days.").max(3650, "Use at most 3650 days.")])
  .optional()
  .transform((v) => (v === "" || v === undefined ? undefined : v));

/** Which patients a bulk send goes to. One schema for the filter form, the preview and the send action. */
export const batchFiltersSchema = z.object({
  clinic: z
    .union([z.literal(""), z.uuid("Choose a clinic from the list.")])
    .optional()
    .transform((v) => v || undefined),
  // Cents when already parsed (sendBatch accepts either), else what the office typed.
  minBalance: z
    .number()
    .int()
    .min(0)
    .or(z.string())
    .optional()
    .transform((v, ctx) => {
      if (typeof v === "number") return v;
      if (v === undefined || v.trim() === "") return 100;
      const cents = parseMoneyToCents(v);
      if (cents === null || cents < 0) {
        ctx.addIssue({ code: "custom", message: "Enter an amount like 50 or 50.00." });
        return z.NEVER;
      }
      return cents;
    }),
  statementOlderThanDays: optionalDays,
  notMessagedDays: optionalDays,
  hasEmail: checkbox,
  hasPhone: checkbox,
  notOptedOut: checkbox,
});
export type BatchFilters = z.output<typeof batchFiltersSchema>;

/** Balance owed now, in SQL: the statement balance less online payments since (net of refunds), as displayedBalanceCents. */
const owedNow = sql`(${patients.balanceCents} - coalesce((
  select sum(pay.amount_cents - pay.refunded_cents) from payments pay
  where pay.tenant_id = ${patients.tenantId} and pay.patient_id = ${patients.id}
    and pay.status in ('succeeded', 'partially_refunded', 'refunded')
    and pay.succeeded_at > coalesce(${patients.balanceAsOf}, 'epoch'::timestamptz)), 0))`;

const emailOptedOut = sql`exists (select 1 from opt_outs o where o.channel = 'email' and o.address = lower(trim(${patients.email})) and (o.tenant_id is null or o.tenant_id = ${patients.tenantId}))`;
const smsOptedOut = sql`exists (select 1 from opt_outs o where o.channel = 'sms' and o.address = ${patients.phone} and (o.tenant_id is null or o.tenant_id = ${patients.tenantId}))`;

function conditions(tenantId: string, f: BatchFilters, now: Date): SQL[] {
  const where: SQL[] = [eq(patients.tenantId, tenantId), eq(patients.active, true), sql`${owedNow} >= ${Math.max(1, f.minBalance)}`];
  if (f.clinic) where.push(eq(patients.clinicId, f.clinic));
  if (f.hasEmail) where.push(isNotNull(patients.email), ne(patients.email, ""));
  if (f.hasPhone) where.push(isNotNull(patients.phone), ne(patients.phone, ""));
  if (f.statementOlderThanDays !== undefined) {
    const cutoff = new Date(now.getTime() - f.statementOlderThanDays * 86_400_000).toISOString();
    where.push(sql`coalesce(${patients.statementDate}::timestamptz, ${patients.balanceAsOf}) <= ${cutoff}::timestamptz`);
  }
  if (f.notMessagedDays !== undefined) {
    const since = new Date(now.getTime() - f.notMessagedDays * 86_400_000).toISOString();
    where.push(sql`not exists (select 1 from payment_requests r where r.tenant_id = ${patients.tenantId} and r.patient_id = ${patients.id} and r.created_at > ${since}::timestamptz)`);
  }
  // Reachable at all: some address on file that hasn't opted out.
  if (f.notOptedOut) where.push(sql`((${patients.email} is not null and ${patients.email} <> '' and not ${emailOptedOut}) or (${patients.phone} is not null and ${patients.phone} <> '' and not ${smsOptedOut}))`);
  return where;
}

/** How many of this practice's patients match, and a sample of 10 with names masked to first name + last initial. */
export async function previewBatch(db: Executor, tenantId: string, f: BatchFilters, now = new Date()) {
  const where = and(...conditions(tenantId, f, now));
  const [[count], sample] = await Promise.all([
    db.select({ n: sql<string>`count(*)` }).from(patients).where(where),
    db
      .select({ id: patients.id, firstName: patients.firstName, lastName: patients.lastName, owedCents: sql<string>`${owedNow}` })
      .from(patients)
      .where(where)
      .orderBy(asc(patients.lastNameKey), asc(patients.id))
      .limit(10),
  ]);
  return {
    count: Number(count?.n ?? 0),
    sample: sample.map((s) => ({ id: s.id, name: `${s.firstName} ${s.lastName.slice(0, 1)}.`, owedCents: Number(s.owedCents) })),
  };
}

/** Every matching patient id of this practice, in a stable order. */
export async function matchingPatientIds(db: Executor, tenantId: string, f: BatchFilters, now = new Date()): Promise<string[]> {
  const rows = await db
    .select({ id: patients.id })
    .from(patients)
    .where(and(...conditions(tenantId, f, now)))
    .orderBy(asc(patients.id));
  return rows.map((r) => r.id);
}

