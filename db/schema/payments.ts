import { bigint, bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { paymentRequests } from "./messaging";
import { createdAt, id, updatedAt } from "./columns";
import { patientSessions } from "./patient-access";
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
    /** Insertion order (dashboard paging). */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    /**
     * Position in the sync API's payments feed, set by a trigger (migration 0001) whenever the payment enters or
     * changes a reported state (succeeded, failed, refunded…), under a per-practice lock so positions are handed out
     * in commit order: a poller reading `feed_seq > cursor` never misses or repeats a change.
     */
    feedSeq: bigint("feed_seq", { mode: "number" }),
    /** The Message-to-Pay request this payment answered, if any. */
    paymentRequestId: uuid("payment_request_id").references(() => paymentRequests.id, { onDelete: "set null" }),
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
    /** The portal visit that started it: one payment at most per visit (see lib/payments/start-payment.ts). */
    patientSessionId: uuid("patient_session_id").references(() => patientSessions.id, { onDelete: "set null" }),
    idempotencyKey: text("idempotency_key").notNull(),
    processorKind: processorKind("processor_kind").notNull(),
    /** Checkout Session id (Stripe) or demo session id. */
    processorSessionId: text("processor_session_id"),
    /** The processor's hosted payment page for this attempt (Stripe Checkout or our demo page). */
    checkoutUrl: text("checkout_url"),
    /** PaymentIntent id (Stripe) or demo payment id, once the processor charged or tried to. */
    processorPaymentId: text("processor_payment_id"),
    /** The patient asked to keep the card on their processor customer for next time. */
    saveCard: boolean("save_card").notNull().default(false),
    /** Language of the patient's pages when they paid; the receipt is written in it. */
    locale: text("locale").notNull().default("en"),
    cardBrand: text("card_brand"),
    cardLast4: text("card_last4"),
    receiptNumber: text("receipt_number"),
    receiptEmail: text("receipt_email"),
    /** Set once the receipt email was handed to the mailer; never sent twice. */
    receiptSentAt: timestamp("receipt_sent_at", { withTimezone: true }),
    /** A sender's short lease on the receipt, so two confirmations never send it at once. */
    receiptClaimedAt: timestamp("receipt_claimed_at", { withTimezone: true }),
    /** Cumulative amount our own refunds asked the processor for; keys refund idempotency (refunded_cents is the processor's truth). */
    refundRequestedCents: integer("refund_requested_cents").notNull().default(0),
    /** A refund's short lease on the row: one refund of a payment at a time. */
    refundClaimedAt: timestamp("refund_claimed_at", { withTimezone: true }),
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
    uniqueIndex("payments_tenant_feed_uq").on(t.tenantId, t.feedSeq),
    index("payments_request_idx").on(t.paymentRequestId),
    index("payments_tenant_session_idx").on(t.tenantId, t.patientSessionId),
    index("payments_processor_payment_idx").on(t.processorKind, t.processorPaymentId),
  ],
);

/** A patient's customer object at the practice's processor (saved cards live there, never here). */
export const processorCustomers = pgTable(
  "processor_customers",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "cascade" }),
    processorKind: processorKind("processor_kind").notNull(),
    /** The account the customer lives on; a practice that switches accounts gets a new customer. */
    externalAccountId: text("external_account_id").notNull(),
    customerId: text("customer_id").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("processor_customers_tenant_patient_uq").on(t.tenantId, t.patientId, t.processorKind)],
);

export const demoSessionMode = pgEnum("demo_session_mode", ["payment", "setup"]);
export const demoSessionStatus = pgEnum("demo_session_status", ["open", "complete", "expired"]);

/**
 * The demo processor's hosted page state, our stand-in for a Checkout Session. The id is random
 * (256 bits) and is the page's only credential. Only test-card brand and last 4 are kept.
 */
export const demoCheckoutSessions = pgTable(
  "demo_checkout_sessions",
  {
    id: text("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    mode: demoSessionMode("mode").notNull(),
    paymentId: uuid("payment_id").references(() => payments.id, { onDelete: "cascade" }),
    customerId: text("customer_id"),
    amountCents: integer("amount_cents"),
    currency: text("currency").notNull().default("usd"),
    saveCard: boolean("save_card").notNull().default(false),
    /** A saved demo card the patient chose before coming here; offered first on the page. */
    savedPaymentMethodId: text("saved_payment_method_id"),
    description: text("description").notNull(),
    status: demoSessionStatus("status").notNull().default("open"),
    paid: boolean("paid").notNull().default(false),
    demoPaymentId: text("demo_payment_id"),
    cardBrand: text("card_brand"),
    cardLast4: text("card_last4"),
    failureMessage: text("failure_message"),
    successUrl: text("success_url").notNull(),
    cancelUrl: text("cancel_url").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("demo_checkout_sessions_tenant_idx").on(t.tenantId, t.createdAt)],
);

/** Test cards a patient saved with the demo processor (brand, last 4 and expiry of a public test number). */
export const demoPaymentMethods = pgTable(
  "demo_payment_methods",
  {
    id: text("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    customerId: text("customer_id").notNull(),
    brand: text("brand").notNull(),
    last4: text("last4").notNull(),
    expMonth: integer("exp_month").notNull(),
    expYear: integer("exp_year").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("demo_payment_methods_tenant_customer_idx").on(t.tenantId, t.customerId)],
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
export type PaymentSource = (typeof paymentSource.enumValues)[number];
export type ProcessorCustomer = typeof processorCustomers.$inferSelect;
export type DemoCheckoutSession = typeof demoCheckoutSessions.$inferSelect;
export type DemoPaymentMethod = typeof demoPaymentMethods.$inferSelect;
