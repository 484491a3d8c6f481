import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { patients } from "./patients";
import { clinics, tenants } from "./tenants";

export const processorKind = pgEnum("processor_kind", ["stripe", "demo"]);
export const paymentStatus = pgEnum("payment_status", ["pending", "succeeded", "failed", "canceled", "refunded", "partially_refunded"]);
export const paymentSource = pgEnum("payment_source", ["portal", "message_to_pay"]);

/** The card processor a practice connected (one per practice). */
export const processorAccounts = pgTable(
  "processor_accounts",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    kind: processorKind("kind").notNull(),
    /** acct_… for Stripe Connect; our own id for the demo processor. */
    externalAccountId: text("external_account_id").notNull(),
    chargesEnabled: boolean("charges_enabled").notNull().default(false),
    detailsSubmitted: boolean("details_submitted").notNull().default(false),
    requirementsDue: jsonb("requirements_due").$type<string[]>().notNull().default([]),
    /** When the processor reported the status above (a Stripe event's `created`); older reports are dropped. */
    statusUpdatedAt: timestamp("status_updated_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("processor_accounts_tenant_uq").on(t.tenantId), uniqueIndex("processor_accounts_external_uq").on(t.kind, t.externalAccountId)],
);

/** One attempt by a patient to pay; recorded once per idempotency key. */
export const payments = pgTable(
  "payments",
  {
    id: id(),
    /** Monotonic order for API cursors: a poller never misses or repeats a row. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "restrict" }),
    clinicId: uuid("clinic_id").references(() => clinics.id, { onDelete: "set null" }),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull().default("usd"),
    refundedCents: integer("refunded_cents").notNull().default(0),
    feeCents: integer("fee_cents"),
    status: paymentStatus("status").notNull().default("pending"),
    source: paymentSource("source").notNull().default("portal"),
    idempotencyKey: text("idempotency_key").notNull(),
    processorKind: processorKind("processor_kind").notNull(),
    /** Checkout Session id (Stripe) or demo session id. */
    processorSessionId: text("processor_session_id"),
    processorPaymentId: text("processor_payment_id"),
    cardBrand: text("card_brand"),
    cardLast4: text("card_last4"),
    receiptNumber: text("receipt_number"),
    receiptEmail: text("receipt_email"),
    failureMessage: text("failure_message"),
    succeededAt: timestamp("succeeded_at", { withTimezone: true }),
    postedAt: timestamp("posted_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("payments_tenant_idempotency_uq").on(t.tenantId, t.idempotencyKey),
    uniqueIndex("payments_processor_session_uq").on(t.processorKind, t.processorSessionId),
    index("payments_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("payments_tenant_patient_idx").on(t.tenantId, t.patientId),
    index("payments_tenant_seq_idx").on(t.tenantId, t.seq),
  ],
);

/** Every processor webhook event we acted on; the unique event id makes replays no-ops. */
export const processorEvents = pgTable(
  "processor_events",
  {
    id: id(),
    eventId: text("event_id").notNull().unique(),
    type: text("type").notNull(),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "set null" }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("processor_events_tenant_idx").on(t.tenantId, t.receivedAt)],
);

export type ProcessorAccount = typeof processorAccounts.$inferSelect;
export type ProcessorKind = (typeof processorKind.enumValues)[number];
export type Payment = typeof payments.$inferSelect;
export type NewPayment = typeof payments.$inferInsert;
export type PaymentStatus = (typeof paymentStatus.enumValues)[number];
