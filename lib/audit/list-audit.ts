import { and, desc, eq, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, tenants } from "@/db/schema";
import { containsPattern } from "@/db/contains-pattern";
import type { AuditQuery } from "./audit-query";

export const AUDIT_PAGE_SIZE = 50;

function conditions(query: Partial<AuditQuery>, tenantId?: string): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (tenantId) where.push(eq(auditLog.tenantId, tenantId));
  if (query.practice) where.push(or(ilike(tenants.name, containsPattern(query.practice)), ilike(tenants.slug, containsPattern(query.practice))));
  if (query.actor) where.push(ilike(auditLog.actorEmail, containsPattern(query.actor)));
  if (query.action) where.push(ilike(auditLog.action, containsPattern(query.action)));
  if (query.kind) where.push(eq(auditLog.actorKind, query.kind));
  if (query.from) where.push(gte(auditLog.createdAt, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) where.push(lt(auditLog.createdAt, new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000)));
  return and(...where);
}

function selectEntries(db: Executor, query: Partial<AuditQuery>, tenantId?: string) {
  return db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      tenantId: auditLog.tenantId,
      tenantName: tenants.name,
      tenantSlug: tenants.slug,
      actorEmail: auditLog.actorEmail,
      actorKind: auditLog.actorKind,
      action: auditLog.action,
      summary: auditLog.summary,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(tenants, eq(tenants.id, auditLog.tenantId))
    .where(conditions(query, tenantId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id));
}

export type AuditRow = Awaited<ReturnType<typeof selectEntries>>[number];

/** One page of audit entries, newest first; with `tenantId`, only that practice's (the office's own view). */
export async function listAudit(db: Executor, query: Partial<AuditQuery>, tenantId?: string): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
  const page = query.page ?? 1;
  const rows = await selectEntries(db, query, tenantId).limit(AUDIT_PAGE_SIZE + 1).offset((page - 1) * AUDIT_PAGE_SIZE);
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}

/** Every entry matching the filters for the CSV download, capped so one request cannot dump an unbounded table. */
export async function allAudit(db: Executor, query: Partial<AuditQuery>): Promise<AuditRow[]> {
  return selectEntries(db, query).limit(50_000);
}

/** The before → after summary of an entry as one short line for tables and CSV. */
export function describeSummary(summary: AuditRow["summary"]): string {
  const parts: string[] = [];
  if (summary.before !== undefined && summary.before !== null) parts.push(`before: ${JSON.stringify(summary.before)}`);
  if (summary.after !== undefined && summary.after !== null) parts.push(`after: ${JSON.stringify(summary.after)}`);
  if (summary.reason) parts.push(`reason: ${summary.reason}`);
  return parts.join("; ");
}
