import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { paymentRequests } from "./messaging";
import { patients } from "./patients";
import { clinics, tenants } from "./tenants";

export const patientSessionPurpose = pgEnum("patient_session_purpose", ["pay-now", "verify", "message-link"]);
export const codeChannel = pgEnum("code_channel", ["email", "sms"]);

/**
 * A patient who identified themselves on a practice's portal. The cookie holds a random token;
 * we keep only its hash. Short-lived; `verifiedAt` is set once they prove access to a contact on file.
 */
export const patientSessions = pgTable(
  "patient_sessions",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "cascade" }),
    clinicId: uuid("clinic_id").references(() => clinics.id, { onDelete: "set null" }),
    tokenHash: text("token_hash").notNull().unique(),
    purpose: patientSessionPurpose("purpose").notNull(),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    /** The Message-to-Pay request whose personal link began this visit: every payment of the visit answers it. */
    paymentRequestId: uuid("payment_request_id").references(() => paymentRequests.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("patient_sessions_tenant_patient_idx").on(t.tenantId, t.patientId)],
);

/** A one-time code sent to a contact on file; stored hashed, with tries and expiry. */
export const verificationCodes = pgTable(
  "verification_codes",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => patientSessions.id, { onDelete: "cascade" }),
    channel: codeChannel("channel").notNull(),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("verification_codes_tenant_session_idx").on(t.tenantId, t.sessionId, t.createdAt)],
);

export type PatientSession = typeof patientSessions.$inferSelect;
export type VerificationCode = typeof verificationCodes.$inferSelect;
