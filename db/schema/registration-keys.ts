import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, id } from "./columns";
import { tenants } from "./tenants";

/** Keys issued by support; a practice must hold an active one for its portal to open. */
export const registrationKeys = pgTable("registration_keys", {
  id: id(),
  /** Normalised: 16 characters, no dashes, upper case; the last is a check character. */
  key: text("key").notNull().unique(),
  supportUntil: timestamp("support_until", { withTimezone: true }).notNull(),
  note: text("note"),
  issuedByUserId: text("issued_by_user_id").references(() => users.id, { onDelete: "set null" }),
  // Unique: a practice holds at most one key, and a key belongs to at most one practice.
  claimedByTenantId: uuid("claimed_by_tenant_id")
    .unique()
    .references(() => tenants.id, { onDelete: "set null" }),
  claimedAt: timestamp("claimed_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  revokedReason: text("revoked_reason"),
  createdAt: createdAt(),
});

export type RegistrationKey = typeof registrationKeys.$inferSelect;
