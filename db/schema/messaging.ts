import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, id, updatedAt } from "./columns";
import { patients } from "./patients";
import { clinics, tenants } from "./tenants";

export const messageChannel = pgEnum("message_channel", ["email", "sms"]);
export const messageStatus = pgEnum("message_status", ["queued", "sending", "sent", "delivered", "failed", "bounced", "complained", "canceled"]);
export const messageKind = pgEnum("message_kind", ["request", "reminder"]);

/** A practice's Message-to-Pay wording, with Open Dental style tags ([MsgToPayURL], [StatementBalance], …). */
export const messageTemplates = pgTable("message_templates", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => tenants.id, { onDelete: "cascade" }),
  smsBody: text("sms_body").notNull(),
  emailSubject: text("email_subject").notNull(),
  emailBody: text("email_body").notNull(),
  updatedByUserId: text("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
  updatedAt: updatedAt(),
});

/** Per-practice Message-to-Pay settings: link lifetime, send rate and the reminder schedule. */
export const messagingSettings = pgTable("messaging_settings", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => tenants.id, { onDelete: "cascade" }),
  linkExpiryDays: integer("link_expiry_days").notNull().default(30),
  sendRatePerMinute: integer("send_rate_per_minute").notNull().default(600),
  remindersEnabled: boolean("reminders_enabled").notNull().default(false),
  /** Days after the first request on which a reminder goes out, ascending (e.g. 7, 14, 21). */
  reminderDays: integer("reminder_days").array().notNull().default(sql`'{7,14,21}'::integer[]`),
  updatedAt: updatedAt(),
});

/** A bulk send: the filter staff chose and how many requests it made. */
export const messageBatches = pgTable(
  "message_batches",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    filters: jsonb("filters").notNull().default({}),
    channels: text("channels").array().notNull(),
    total: integer("total").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("message_batches_tenant_created_idx").on(t.tenantId, t.createdAt)],
);

/**
 * A Message-to-Pay request: the statement snapshot (balance as of a time) a personal link shows. The link token
 * is random (≥128 bits); only its hash is stored.
 */
export const paymentRequests = pgTable(
  "payment_requests",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "cascade" }),
    clinicId: uuid("clinic_id").references(() => clinics.id, { onDelete: "set null" }),
    batchId: uuid("batch_id").references(() => messageBatches.id, { onDelete: "set null" }),
    tokenHash: text("token_hash").notNull().unique(),
    balanceCents: integer("balance_cents").notNull(),
    currency: text("currency").notNull().default("usd"),
    statementAsOf: timestamp("statement_as_of", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    firstOpenedAt: timestamp("first_opened_at", { withTimezone: true }),
    lastOpenedAt: timestamp("last_opened_at", { withTimezone: true }),
    openCount: integer("open_count").notNull().default(0),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Channels the request went out on; reminders reuse them. */
    channels: text("channels").array().notNull(),
    /** How many reminders went out; the next is due at `nextReminderAt` (null: none scheduled). */
    remindersSent: integer("reminders_sent").notNull().default(0),
    nextReminderAt: timestamp("next_reminder_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("payment_requests_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("payment_requests_tenant_patient_idx").on(t.tenantId, t.patientId),
    index("payment_requests_batch_idx").on(t.batchId),
    index("payment_requests_reminder_due_idx").on(t.nextReminderAt).where(sql`${t.nextReminderAt} is not null`),
  ],
);

/**
 * A message to a patient, and its place in the send queue: workers claim due rows with FOR UPDATE SKIP LOCKED,
 * hold them for `lockedUntil`, and retry with backoff (`attempts`, `nextAttemptAt`). Content is fixed when queued.
 */
export const messages = pgTable(
  "messages",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    patientId: uuid("patient_id").references(() => patients.id, { onDelete: "set null" }),
    clinicId: uuid("clinic_id").references(() => clinics.id, { onDelete: "set null" }),
    requestId: uuid("request_id").references(() => paymentRequests.id, { onDelete: "set null" }),
    batchId: uuid("batch_id").references(() => messageBatches.id, { onDelete: "set null" }),
    kind: messageKind("kind").notNull().default("request"),
    channel: messageChannel("channel").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject"),
    /** Plain text: the SMS body, or the email's text part. */
    body: text("body").notNull(),
    html: text("html"),
    /** SMS segments (GSM-7 or UCS-2), counted against the clinic's monthly text budget. */
    segments: integer("segments").notNull().default(0),
    status: messageStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** The claim a worker made; emails claimed together are re-sent together with the same batch idempotency key. */
    claimId: uuid("claim_id"),
    providerMessageId: text("provider_message_id"),
    error: text("error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("messages_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("messages_tenant_patient_idx").on(t.tenantId, t.patientId),
    index("messages_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('queued', 'sending')`),
    index("messages_batch_idx").on(t.batchId),
    index("messages_request_idx").on(t.requestId),
    index("messages_provider_idx").on(t.providerMessageId),
    index("messages_claim_idx").on(t.claimId),
  ],
);

/** A patient's opt-out. SMS STOP applies to every practice sending from our number (tenant null); email unsubscribes are per practice. */
export const optOuts = pgTable(
  "opt_outs",
  {
    id: id(),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    channel: messageChannel("channel").notNull(),
    /** Normalised: lower-case email or E.164 phone. */
    address: text("address").notNull(),
    source: text("source").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("opt_outs_uq").on(t.channel, t.address, t.tenantId).nullsNotDistinct(), index("opt_outs_tenant_idx").on(t.tenantId, t.createdAt)],
);

/** Texts sent per clinic per month (segments), checked against the clinic's budget before each text. */
export const smsUsage = pgTable(
  "sms_usage",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    /** The clinic, or the practice itself (tenant id) for patients without one. */
    scopeId: uuid("scope_id").notNull(),
    /** First day of the month in the practice's time zone, `YYYY-MM`. */
    month: text("month").notNull(),
    segments: integer("segments").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.scopeId, t.month] })],
);

/** Where email and texts land when no provider is configured, so the demo works offline. */
export const devOutbox = pgTable(
  "dev_outbox",
  {
    id: id(),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    channel: messageChannel("channel").notNull(),
    toAddress: text("to_address").notNull(),
    fromAddress: text("from_address").notNull(),
    subject: text("subject"),
    html: text("html"),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("dev_outbox_created_idx").on(t.createdAt), index("dev_outbox_tenant_idx").on(t.tenantId, t.createdAt)],
);

export type Message = typeof messages.$inferSelect;
export type MessageChannel = (typeof messageChannel.enumValues)[number];
export type MessageStatus = (typeof messageStatus.enumValues)[number];
export type MessageTemplate = typeof messageTemplates.$inferSelect;
export type MessagingSettings = typeof messagingSettings.$inferSelect;
export type MessageBatch = typeof messageBatches.$inferSelect;
export type PaymentRequest = typeof paymentRequests.$inferSelect;
export type OptOut = typeof optOuts.$inferSelect;
export type OutboxEntry = typeof devOutbox.$inferSelect;
