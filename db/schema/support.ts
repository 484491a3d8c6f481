import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, id } from "./columns";
import { tenants } from "./tenants";

/** A support user's read-only look at one practice's dashboard: reason required, 30 minutes at most. */
export const supportViews = pgTable(
  "support_views",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("support_views_user_idx").on(t.userId, t.expiresAt), index("support_views_tenant_idx").on(t.tenantId, t.createdAt)],
);

/** A subdomain a practice gave up; its host redirects to the practice's current one until `expiresAt`. */
export const tenantSlugRedirects = pgTable(
  "tenant_slug_redirects",
  {
    oldSlug: text("old_slug").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("tenant_slug_redirects_tenant_idx").on(t.tenantId)],
);

export type SupportView = typeof supportViews.$inferSelect;
export type TenantSlugRedirect = typeof tenantSlugRedirects.$inferSelect;
