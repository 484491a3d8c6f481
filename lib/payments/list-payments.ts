import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { clinics, patients, payments } from "@/db/schema";

export const PAYMENTS_PAGE_SIZE = 50;

/** The dashboard's payment filters, as they come from the URL; anything malformed is simply ignored. */
export const paymentFiltersSchema = z.object({
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  clinic: z.uuid().optional().catch(undefined),
  status: z.enum(["paid", "pending", "failed", "refunded"]).optional().catch(undefined),
  patient: z.uuid().optional().catch(undefined),
  posted: z.enum(["yes", "no"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type PaymentFilters = z.output<typeof paymentFiltersSchema>;

const STATUS_GROUPS = {
  paid: ["succeeded", "partially_refunded"],
  pending: ["pending"],
  failed: ["failed", "canceled"],
  refunded: ["refunded", "partially_refunded"],
} as const;

function conditions(tenantId: string, f: PaymentFilters, timeZone: string): SQL[] {
  const where: SQL[] = [eq(payments.tenantId, tenantId)];
  // Dates are the practice's calendar days.
  const dayStart = (d: string) => new Date(new Date(`${d}T00:00:00Z`).getTime() - offsetMs(timeZone, new Date(`${d}T12:00:00Z`)));
  if (f.from) where.push(gte(payments.createdAt, dayStart(f.from)));
  if (f.to) where.push(lt(payments.createdAt, new Date(dayStart(f.to).getTime() + 86_400_000)));
  if (f.clinic) where.push(eq(payments.clinicId, f.clinic));
  if (f.status) where.push(inArray(payments.status, [...STATUS_GROUPS[f.status]]));
  if (f.patient) where.push(eq(payments.patientId, f.patient));
  if (f.posted === "yes") where.push(isNotNull(payments.postedAt));
  if (f.posted === "no") where.push(isNull(payments.postedAt), isNotNull(payments.succeededAt), inArray(payments.status, ["succeeded", "partially_refunded"]));
  return where;
}

/** How far `timeZone` is ahead of UTC at `at`, in ms. */
function offsetMs(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - at.getTime();
}

function baseQuery(db: Executor) {
  return db
    .select({
      payment: payments,
      patientFirstName: patients.firstName,
      patientLastName: patients.lastName,
      patientExternalId: patients.externalId,
      clinicName: clinics.name,
    })
    .from(payments)
    .innerJoin(patients, eq(patients.id, payments.patientId))
    .leftJoin(clinics, eq(clinics.id, payments.clinicId));
}

/** One page of the practice's payments, newest first. */
export async function listPayments(db: Executor, tenantId: string, timeZone: string, f: PaymentFilters) {
  const page = f.page ?? 1;
  const rows = await baseQuery(db)
    .where(and(...conditions(tenantId, f, timeZone)))
    .orderBy(desc(payments.createdAt), desc(payments.seq))
    .limit(PAYMENTS_PAGE_SIZE + 1)
    .offset((page - 1) * PAYMENTS_PAGE_SIZE);
  return { rows: rows.slice(0, PAYMENTS_PAGE_SIZE), page, hasMore: rows.length > PAYMENTS_PAGE_SIZE };
}

/** Every payment matching the filters (capped), for CSV export. */
export function allPayments(db: Executor, tenantId: string, timeZone: string, f: PaymentFilters, cap = 50_000) {
  return baseQuery(db)
    .where(and(...conditions(tenantId, f, timeZone)))
    .orderBy(desc(payments.createdAt), desc(payments.seq))
    .limit(cap);
}

/** One payment of this practice with its patient and clinic; undefined for another practice's id. */
export async function loadPaymentDetail(db: Executor, tenantId: string, paymentId: string) {
  const [row] = await baseQuery(db).where(and(eq(payments.tenantId, tenantId), eq(payments.id, paymentId)));
  return row;
}
