import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";

export const tenantStatus = pgEnum("tenant_status", ["active", "suspended"]);

/** A dental practice: one portal, one subdomain. */
export const tenants = pgTable("tenants", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  status: tenantStatus("status").notNull().default("active"),
  suspendedReason: text("suspended_reason"),
  suspendedAt: timestamp("suspended_at", { withTimezone: true }),
  timeZone: text("time_zone").notNull().default("America/New_York"),
  phone: text("phone"),
  accentColor: text("accent_color").notNull().default("#0f766e"),
  /** Small logo as a data: URL (validated type and size on upload). */
  logoDataUrl: text("logo_data_url"),
  /** Largest single online payment a patient may make, in cents. */
  maxPaymentCents: integer("max_payment_cents").notNull().default(500_000),
  currency: text("currency").notNull().default("usd"),
  /** When the office first copied or downloaded its portal link (setup step 3). */
  portalLinkSharedAt: timestamp("portal_link_shared_at", { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A location of a practice; each has its own portal link (/c/<slug>). */
export const clinics = pgTable(
  "clinics",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    address: text("address"),
    phone: text("phone"),
    /** Text segments this clinic may send per month; null = no limit. */
    smsMonthlyBudget: integer("sms_monthly_budget").default(1000),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("clinics_tenant_slug_uq").on(t.tenantId, t.slug), index("clinics_tenant_idx").on(t.tenantId)],
);

export type Tenant = typeof tenants.$inferSelect;
export type NewTenant = typeof tenants.$inferInsert;
export type Clinic = typeof clinics.$inferSelect;
export type NewClinic = typeof clinics.$inferInsert;
