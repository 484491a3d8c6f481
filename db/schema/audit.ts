import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

/**
 * Append-only record of support actions and owner-level changes. A trigger (migration 0001) refuses UPDATE and
 * DELETE, so ids here are plain columns, not foreign keys: a cascade would be an update the trigger refuses, and the
 * trail must outlive the user or practice it names.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    tenantId: uuid("tenant_id"),
    actorUserId: text("actor_user_id"),
    /** Who acted, as they were known then (users can change email or be removed). */
    actorEmail: text("actor_email"),
    /** `office` (a member of the practice), `support`, `api` (a sync API key) or `system`. */
    actorKind: text("actor_kind").notNull().default("office"),
    action: text("action").notNull(),
    summary: jsonb("summary").$type<{ before?: unknown; after?: unknown; reason?: string }>().notNull().default({}),
    ip: text("ip"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_tenant_created_idx").on(t.tenantId, t.createdAt), index("audit_log_created_idx").on(t.createdAt)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
