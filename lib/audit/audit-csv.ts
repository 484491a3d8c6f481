import { toCsv } from "@/lib/csv/to-csv";
import { describeSummary, type AuditRow } from "./list-audit";

const HEADER = ["time", "practice", "subdomain", "actor", "actor_kind", "action", "summary", "ip"];

/** Audit entries as formula-safe CSV, times in ISO 8601 UTC. */
export function auditToCsv(rows: AuditRow[]): string {
  return toCsv(
    HEADER,
    rows.map((r) => [r.createdAt.toISOString(), r.tenantName, r.tenantSlug, r.actorEmail, r.actorKind, r.action, describeSummary(r.summary), r.ip]),
  );
}
