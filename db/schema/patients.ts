import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { clinics, tenants } from "./tenants";

/** A patient as the practice-management system knows them; balance in integer cents. */
export const patients = pgTable(
  "patients",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    clinicId: uuid("clinic_id").references(() => clinics.id, { onDelete: "set null" }),
    externalId: text("external_id").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    preferredName: text("preferred_name"),
    /** Lower-cased, accent-free names used for identity matching. */
    firstNameKey: text("first_name_key").notNull(),
    lastNameKey: text("last_name_key").notNull(),
    birthdate: date("birthdate", { mode: "string" }).notNull(),
    email: text("email"),
    phone: text("phone"),
    balanceCents: integer("balance_cents").notNull().default(0),
    balanceAsOf: timestamp("balance_as_of", { withTimezone: true }),
    statementDate: date("statement_date", { mode: "string" }),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("patients_tenant_external_uq").on(t.tenantId, t.externalId),
    index("patients_tenant_identity_idx").on(t.tenantId, t.lastNameKey, t.birthdate),
    index("patients_tenant_clinic_idx").on(t.tenantId, t.clinicId),
    index("patients_tenant_balance_idx").on(t.tenantId, t.balanceCents).where(sql`${t.active}`),
  ],
);

export type Patient = typeof patients.$inferSelect;
export type NewPatient = typeof patients.$inferInsert;
