import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { memberRole, users } from "./auth";
import { createdAt, id } from "./columns";
import { tenants } from "./tenants";

/**
 * An owner's invitation for an email address to join their practice. The emailed link carries a random
 * token; we keep only its sha256, so a database leak reveals no usable link. Open = neither accepted
 * nor revoked (expired ones stay open until replaced or revoked); a practice has at most one open
 * invitation per address.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    /** Trimmed and lower-cased, as users.email is. */
    email: text("email").notNull(),
    role: memberRole("role").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedByUserId: text("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("invitations_tenant_created_idx").on(t.tenantId, t.createdAt),
    uniqueIndex("invitations_tenant_email_open_uq").on(t.tenantId, t.email).where(sql`${t.acceptedAt} IS NULL AND ${t.revokedAt} IS NULL`),
  ],
);

export type Invitation = typeof invitations.$inferSelect;
export type NewInvitation = typeof invitations.$inferInsert;
