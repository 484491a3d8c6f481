import type { Database, Executor } from "@/db/client";
import type { ProcessorAccount, ProcessorKind } from "@/db/schema";

export type { ProcessorKind };

/** Who is acting, for which practice. `tenantId` always comes from the caller's session-derived context. */
export interface ProcessorActor {
  tenantId: string;
  /** null when the processor itself acted (a webhook). */
  actorUserId: string | null;
  ip?: string | null;
}

/** What we know about a practice's processor account, as last reported by the processor. */
export interface ProcessorStatus {
  kind: ProcessorKind;
  externalAccountId: string;
  chargesEnabled: boolean;
  detailsSubmitted: boolean;
  requirementsDue: string[];
  statusUpdatedAt: Date | null;
}

/** Why a processor action was refused; `message` is written for office staff and shown as is. */
export type ProcessorFailureCode = "unavailable" | "other-processor-connected" | "not-connected" | "not-onboarded" | "processor-error";
export interface ProcessorFailure {
  ok: false;
  code: ProcessorFailureCode;
  message: string;
}

/**
 * Results that may have changed whether the practice can take charges carry `portalChanged`:
 * when true the app must call `revalidatePortal(slug)` after the action returns.
 */
export type OnboardingStart =
  /** Send the office's browser to the processor's hosted onboarding. */
  | { ok: true; next: "redirect"; url: string; portalChanged: boolean }
  /** Connected at once (the demo processor). */
  | { ok: true; next: "connected"; status: ProcessorStatus; portalChanged: boolean }
  | ProcessorFailure;

/** Results of the other actions; `portalChanged` as above. */
export type StatusRefresh = { ok: true; status: ProcessorStatus; portalChanged: boolean } | ProcessorFailure;
export type DashboardLink = { ok: true; url: string } | ProcessorFailure;
export type Disconnection = { ok: true; portalChanged: boolean } | ProcessorFailure;

/** One card processor. Each practice has at most one connected (processor_accounts, unique per tenant). */
export interface CardProcessor {
  readonly kind: ProcessorKind;
  /** Shown to office staff when they choose a processor. */
  readonly label: string;

  // --- Onboarding ---
  /** Starts (or resumes) connecting the practice; creates at most one processor account per practice. */
  startOnboarding(db: Database, actor: ProcessorActor): Promise<OnboardingStart>;
  /** Asks the processor for the account's current status and saves it (never regressing newer state). */
  refreshStatus(db: Database, actor: ProcessorActor, account: ProcessorAccount): Promise<StatusRefresh>;
  /** A one-time link into the processor's own dashboard; absent when the processor has none. */
  createDashboardLink?(account: ProcessorAccount): Promise<DashboardLink>;
  /** Forgets the practice's processor account and audits it; patients can no longer pay. */
  disconnect(db: Database, actor: ProcessorActor): Promise<Disconnection>;

  // --- Hosted payments: the patient pays on the processor's page, never on ours ---
  /** Opens a hosted payment page for one of our payments; the same idempotency key never opens two. May run inside the caller's transaction: it writes only through `db`. */
  createHostedPayment(db: Executor, account: ProcessorAccount, request: HostedPaymentRequest, idempotencyKey: string): Promise<HostedPayment>;
  /** What the processor says about a hosted payment now. Throws ProcessorCallError("not_found") for a session not on this account. */
  retrievePayment(db: Database, account: ProcessorAccount, sessionId: string): Promise<PaymentObservation>;
  /** Closes a hosted payment page so it can no longer be paid; reports `paid` instead when the patient paid first. */
  expireHostedPayment(db: Database, account: ProcessorAccount, sessionId: string): Promise<PaymentObservation>;
  /** Refunds part or all of a charge; the same idempotency key never refunds twice. */
  refund(db: Database, account: ProcessorAccount, request: RefundRequest): Promise<RefundDone>;

  // --- Saved cards: they live on the processor's customer object; we keep only the customer id ---
  /** Creates the customer object for one patient; the same idempotency key returns the same customer. */
  createCustomer(db: Executor, account: ProcessorAccount, request: { tenantId: string; patientId: string; idempotencyKey: string }): Promise<string>;
  /** The cards saved on a customer, newest first. */
  listSavedCards(db: Database, account: ProcessorAccount, customerId: string): Promise<SavedCard[]>;
  /** Opens a hosted page where the patient saves a card on the customer without paying. */
  startAddCard(db: Database, account: ProcessorAccount, request: AddCardRequest): Promise<{ url: string }>;
  /** Removes a saved card, only when it belongs to `customerId`; false when it doesn't (or doesn't exist). */
  deleteSavedCard(db: Database, account: ProcessorAccount, customerId: string, paymentMethodId: string): Promise<boolean>;
}

/** What the engine asks a processor to charge on its hosted page. Everything here comes from our payment row, so a retry sends identical parameters. */
export interface HostedPaymentRequest {
  /** Our payment id: travels as metadata so events find their way back. */
  paymentId: string;
  tenantId: string;
  amountCents: number;
  currency: string;
  /** The one line the patient sees, e.g. "Payment to Bright Smiles Dental". */
  description: string;
  /** The patient's customer object (Pay and Verify); the page then offers their saved cards. */
  customerId: string | null;
  /** Keep the card on the customer for next time (needs `customerId`). */
  saveCard: boolean;
  /** A saved card the patient picked on our page; processors that can't preselect it show all saved cards. */
  savedPaymentMethodId: string | null;
  successUrl: string;
  cancelUrl: string;
  /** When the page stops accepting payment. */
  expiresAt: Date;
}

export interface HostedPayment {
  /** Checkout Session id (Stripe) or demo session id. */
  sessionId: string;
  url: string;
}

/** Facts about a payment that went through. */
export interface PaidFacts {
  /** PaymentIntent id (Stripe) or demo payment id. */
  processorPaymentId: string | null;
  cardBrand: string | null;
  cardLast4: string | null;
  /** The processor's fee, when it told us. */
  feeCents: number | null;
  paidAt: Date;
}

/**
 * What a processor reported about one hosted payment: a webhook, a retrieval, the demo page.
 * Facts only; lib/payments/record-outcome.ts decides what they do to our row.
 */
export interface PaymentObservation {
  /** Money moved. */
  paid?: PaidFacts;
  /** Cumulative amount refunded on the charge. */
  refundedCents?: number;
  /** The page closed unpaid: it expired, or an asynchronous payment method failed. */
  ended?: "expired" | "failed";
  /** Why the last attempt failed (a decline); the patient may still retry on the same page. */
  failureMessage?: string | null;
}

export interface RefundRequest {
  paymentId: string;
  processorPaymentId: string;
  amountCents: number;
  idempotencyKey: string;
}

export interface RefundDone {
  refundId: string;
  /** Everything refunded on the charge after this refund, when the processor said; null when it didn't. */
  totalRefundedCents: number | null;
}

export interface SavedCard {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export interface AddCardRequest {
  tenantId: string;
  customerId: string;
  currency: string;
  /** Shown on the hosted page, e.g. "Save a card with Bright Smiles Dental". */
  description: string;
  successUrl: string;
  cancelUrl: string;
}

export type ProcessorCallErrorCode = "unavailable" | "failed" | "not_found" | "amount_too_large" | "already_refunded" | "not_refundable";

/** A processor refused or failed a call. The processor's own message goes to the server log, never to patients. */
export class ProcessorCallError extends Error {
  constructor(
    readonly code: ProcessorCallErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ProcessorCallError";
  }
}
