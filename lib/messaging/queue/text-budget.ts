import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { clinics, smsUsage, tenants } from "@/db/schema";
import { localMonth } from "./local-time";

// Each clinic may send `clinics.smsMonthlyBudget` text segments per month (null = no limit), counted in the
// practice's time zone. Texts for patients without a clinic count under the practice itself, with no limit.

interface BudgetScope {
  tenantId: string;
  clinicId: string | null;
  timeZone: string;
}

/**
 * Adds `segments` to this month's usage only if the total stays within the clinic's budget; one statement, so
 * concurrent workers can't both squeeze past the limit. False: the budget would be exceeded, nothing was added.
 */
export async function reserveTextSegments(db: Executor, scope: BudgetScope, segments: number, now: Date): Promise<boolean> {
  const month = localMonth(now, scope.timeZone);
  const scopeId = scope.clinicId ?? scope.tenantId;
  let budget: number | null = null;
  if (scope.clinicId) {
    const [clinic] = await db
      .select({ budget: clinics.smsMonthlyBudget })
      .from(clinics)
      .where(and(eq(clinics.id, scope.clinicId), eq(clinics.tenantId, scope.tenantId)));
    budget = clinic?.budget ?? null;
  }
  const n = Math.max(1, segments);
  const rows = await queryRows<{ segments: number }>(
    db,
    budget === null
      ? sql`INSERT INTO sms_usage AS u (tenant_id, scope_id, month, segments) VALUES (${scope.tenantId}, ${scopeId}, ${month}, ${n})
            ON CONFLICT (tenant_id, scope_id, month) DO UPDATE SET segments = u.segments + excluded.segments
            RETURNING u.segments`
      : sql`INSERT INTO sms_usage AS u (tenant_id, scope_id, month, segments)
            SELECT ${scope.tenantId}::uuid, ${scopeId}::uuid, ${month}, ${n}::int WHERE ${n}::int <= ${budget}::int
            ON CONFLICT (tenant_id, scope_id, month) DO UPDATE SET segments = u.segments + excluded.segments
            WHERE u.segments + excluded.segments <= ${budget}::int
            RETURNING u.segments`,
  );
  return rows.length > 0;
}

/** Gives back segments reserved for a text the provider refused (so it never reached a phone). */
export async function releaseTextSegments(db: Executor, scope: BudgetScope, segments: number, reservedAt: Date): Promise<void> {
  await db
    .update(smsUsage)
    .set({ segments: sql`greatest(${smsUsage.segments} - ${Math.max(1, segments)}, 0)` })
    .where(and(eq(smsUsage.tenantId, scope.tenantId), eq(smsUsage.scopeId, scope.clinicId ?? scope.tenantId), eq(smsUsage.month, localMonth(reservedAt, scope.timeZone))));
}

export interface ClinicTextBudget {
  clinicId: string;
  clinicName: string;
  /** Segments per month; null = no limit. */
  budget: number | null;
  used: number;
  state: "ok" | "near" | "reached";
}

/** This month's text usage of each clinic of the practice against its budget ('near' = within 10% of it). */
export async function textBudgetStatus(db: Executor, tenantId: string, now = new Date()): Promise<ClinicTextBudget[]> {
  const [tenant] = await db.select({ timeZone: tenants.timeZone }).from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) return [];
  const month = localMonth(now, tenant.timeZone);
  const rows = await db
    .select({ clinicId: clinics.id, clinicName: clinics.name, budget: clinics.smsMonthlyBudget, used: smsUsage.segments })
    .from(clinics)
    .leftJoin(smsUsage, and(eq(smsUsage.tenantId, clinics.tenantId), eq(smsUsage.scopeId, clinics.id), eq(smsUsage.month, month)))
    .where(eq(clinics.tenantId, tenantId))
    .orderBy(clinics.name);
  return rows.map((r) => {
    const used = r.used ?? 0;
    const state = r.budget === null ? "ok" : used >= r.budget ? "reached" : used >= r.budget * 0.9 ? "near" : "ok";
    return { clinicId: r.clinicId, clinicName: r.clinicName, budget: r.budget, used, state };
  });
}
