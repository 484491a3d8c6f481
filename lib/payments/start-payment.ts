import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "@/db/client";
import { patients, patientSessions, payments, type Payment, type PatientSession, type PaymentSource, type ProcessorAccount } from "@/db/schema";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { portalAvailability, type PortalTenant } from "@/lib/tenancy/portal-tenant";
import { finishPaidPayment } from "./finish-paid-payment";
import { payableAccount } from "./payment-lookup";
import { paymentResultUrl } from "./payment-urls";
import { ProcessorCallError, type CardProcessor, type PaymentObservation } from "./processor";
import { ensureProcessorCustomer } from "./processor-customer";
import { recordPaymentOutcome } from "./record-outcome";

/** The smallest online payment: $1.00. The largest is the practice's own maxPaymentCents. */
export const MIN_PAYMENT_CENTS = 100;
/** How long a hosted payment page stays payable (Stripe accepts 30 minutes to 24 hours). */
export const HOSTED_PAYMENT_MINUTES = 60;
// A page this close to its end isn't handed out again: the patient could land on it expired.
const REUSE_MARGIN_MINUTES = 10;

export interface StartPaymentInput {
  tenant: PortalTenant;
  /** From the patient's cookie, already checked to belong to `tenant`. */
  session: PatientSession;
  amountCents: number;
  source: PaymentSource;
  /** Typed by the patient; else (or when it isn't an email address) the email on file is used. */
  receiptEmail?: string | null;
  /** Pay with a saved card (Pay and Verify only). With Stripe the patient confirms it on Checkout, which lists their saved cards. */
  savedPaymentMethodId?: string | null;
  /** Keep the card for next time (Pay and Verify only). */
  saveCard?: boolean;
  /** The patient's language: the receipt is written in it. */
  locale?: Locale | string | null;
}

export type StartPaymentCode = "amount_too_small" | "amount_too_large" | "not_verified" | "processor_unavailable" | "processor_error";
export type StartPaymentResult = { ok: true; redirectUrl: string; paymentId: string } | { ok: false; code: StartPaymentCode };

type Payable = { account: ProcessorAccount; processor: CardProcessor };
type Step = { kind: "done"; url: string; paymentId: string } | { kind: "refused"; code: StartPaymentCode } | { kind: "replace"; stale: Payment[] };

/** Stripe idempotency key for a payment's Checkout Session: one session per payment, whatever retries. */
export function checkoutIdempotencyKey(paymentId: string): string {
  return `checkout:${paymentId}`;
}

/**
 * Starts (or resumes) a patient's online payment and returns where to send their browser: the
 * processor's hosted page, or the result page when this visit already paid. At most one payable
 * payment per patient session, whatever double clicks, back buttons and second tabs do: requests
 * for one session are serialised on its row lock; the same amount gets the same page back; a new
 * amount first closes the old page at the processor (and if the patient paid it meanwhile, that
 * payment is the result). Processor calls that trigger webhooks are never made inside a transaction.
 */
export async function startPatientPayment(db: Database, input: StartPaymentInput): Promise<StartPaymentResult> {
  const { tenant, session, amountCents } = input;
  if (!Number.isSafeInteger(amountCents)) throw new TypeError("amountCents must be a whole number of cents");
  if (amountCents < MIN_PAYMENT_CENTS) return refuse("amount_too_small");
  if (amountCents > tenant.maxPaymentCents) return refuse("amount_too_large");
  if (session.tenantId !== tenant.id) throw new Error("The patient session belongs to another practice");
  if (wantsCardFeatures(input) && !session.verifiedAt) return refuse("not_verified");
  // The processor's state is read fresh; the rest of the gate from the (briefly cached) practice.
  if (portalAvailability({ ...tenant, processorReady: true }) !== "live") return refuse("processor_unavailable");
  const payable = await payableAccount(db, tenant.id);
  if (!payable) return refuse("processor_unavailable");

  // Each round either finishes or closes stale pages; a third round means someone keeps racing us.
  for (let round = 0; round < 3; round++) {
    const step = await db.transaction((tx) => decideAndOpen(tx, payable, input));
    if (step.kind === "done") return { ok: true, redirectUrl: step.url, paymentId: step.paymentId };
    if (step.kind === "refused") return refuse(step.code);
    for (const stale of step.stale) {
      const closed = await closeStalePayment(db, payable, stale);
      if (closed === "error") return refuse("processor_error");
      if (closed === "paid") return { ok: true, redirectUrl: paymentResultUrl(tenant.slug, stale.id), paymentId: stale.id };
    }
  }
  return refuse("processor_error");
}

function refuse(code: StartPaymentCode): StartPaymentResult {
  return { ok: false, code };
}

function wantsCardFeatures(input: StartPaymentInput): boolean {
  return Boolean(input.savedPaymentMethodId) || input.saveCard === true;
}

function pageEnds(payment: Payment): Date {
  return new Date(payment.createdAt.getTime() + HOSTED_PAYMENT_MINUTES * 60_000);
}

/** Under the session's row lock: return this visit's payment, or say which pages to close first, or open a new one. */
async function decideAndOpen(tx: Transaction, payable: Payable, input: StartPaymentInput): Promise<Step> {
  const { tenant, amountCents } = input;
  const [locked] = await tx
    .select()
    .from(patientSessions)
    .where(and(eq(patientSessions.id, input.session.id), eq(patientSessions.tenantId, tenant.id)))
    .for("update");
  // Ended a moment ago (the patient started over in another tab): "try again" leads them to sign in anew.
  if (!locked) return { kind: "refused", code: "processor_error" };
  const verified = locked.verifiedAt !== null;
  if (wantsCardFeatures(input) && !verified) return { kind: "refused", code: "not_verified" };

  const ofThisVisit = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.tenantId, tenant.id), eq(payments.patientSessionId, locked.id)))
    .orderBy(desc(payments.createdAt));
  const paid = ofThisVisit.find((p) => p.succeededAt !== null);
  if (paid) return { kind: "done", url: paymentResultUrl(tenant.slug, paid.id), paymentId: paid.id };

  const saveCard = input.saveCard === true && verified;
  const locale: Locale = isLocale(input.locale) ? input.locale : "en";
  const receiptEmail = await chooseReceiptEmail(tx, tenant.id, locked.patientId, input.receiptEmail);
  const pending = ofThisVisit.filter((p) => p.status === "pending");
  const reuseBefore = new Date(Date.now() + REUSE_MARGIN_MINUTES * 60_000);
  const same = pending.find(
    (p) => p.amountCents === amountCents && p.saveCard === saveCard && p.processorKind === payable.account.kind && p.checkoutUrl && pageEnds(p) > reuseBefore,
  );
  if (same) {
    // The receipt goes out from us, not the processor: the address can change without a new page.
    if (same.receiptEmail !== receiptEmail || same.locale !== locale) await tx.update(payments).set({ receiptEmail, locale }).where(eq(payments.id, same.id));
    return { kind: "done", url: same.checkoutUrl!, paymentId: same.id };
  }
  if (pending.length > 0) return { kind: "replace", stale: pending };

  let customerId: string | null = null;
  try {
    if (verified) customerId = await ensureProcessorCustomer(tx, payable, locked.patientId);
  } catch (err) {
    if (!(err instanceof ProcessorCallError)) throw err;
    return { kind: "refused", code: err.code === "unavailable" ? "processor_unavailable" : "processor_error" };
  }
  const [row] = await tx
    .insert(payments)
    .values({
      tenantId: tenant.id,
      patientId: locked.patientId,
      clinicId: locked.clinicId,
      patientSessionId: locked.id,
      amountCents,
      currency: tenant.currency,
      // A visit begun at a personal link answers that request, whichever page the amount was chosen on.
      source: locked.paymentRequestId ? "message_to_pay" : input.source,
      paymentRequestId: locked.paymentRequestId,
      // Under the lock the count is stable; the unique key still refuses a second row if it ever weren't.
      idempotencyKey: `session:${locked.id}:${ofThisVisit.length + 1}`,
      processorKind: payable.account.kind,
      saveCard,
      locale,
      receiptEmail,
    })
    .returning();
  const payment = row!;
  try {
    // Opening a page sends no webhook, so this call may run under the lock: a second tab waits and then reuses it.
    const hosted = await payable.processor.createHostedPayment(
      tx,
      payable.account,
      {
        paymentId: payment.id,
        tenantId: tenant.id,
        amountCents,
        currency: payment.currency,
        description: locale === "es" ? `Pago a ${tenant.name}` : `Payment to ${tenant.name}`,
        customerId,
        saveCard,
        savedPaymentMethodId: input.savedPaymentMethodId ?? null,
        successUrl: paymentResultUrl(tenant.slug, payment.id),
        cancelUrl: paymentResultUrl(tenant.slug, payment.id, { canceled: true }),
        expiresAt: pageEnds(payment),
      },
      checkoutIdempotencyKey(payment.id),
    );
    await tx.update(payments).set({ processorSessionId: hosted.sessionId, checkoutUrl: hosted.url }).where(eq(payments.id, payment.id));
    return { kind: "done", url: hosted.url, paymentId: payment.id };
  } catch (err) {
    if (!(err instanceof ProcessorCallError)) throw err;
    // Kept, canceled, so the office can see the attempt; the patient may simply try again.
    await tx.update(payments).set({ status: "canceled", failureMessage: "The card processor couldn't open a payment page." }).where(eq(payments.id, payment.id));
    return { kind: "refused", code: err.code === "unavailable" ? "processor_unavailable" : "processor_error" };
  }
}

const emailSchema = z.email();

async function chooseReceiptEmail(tx: Transaction, tenantId: string, patientId: string, typed: string | null | undefined): Promise<string | null> {
  const candidate = typed?.trim().toLowerCase();
  if (candidate && emailSchema.safeParse(candidate).success) return candidate;
  const [patient] = await tx
    .select({ email: patients.email })
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.tenantId, tenantId)));
  return patient?.email ?? null;
}

/**
 * Closes a pending payment's page before another is opened. "paid" when the patient paid it
 * meanwhile (recorded, receipt sent); "error" when the processor couldn't confirm it is closed
 * (we then open nothing: two payable pages could both be paid).
 */
async function closeStalePayment(db: Database, payable: Payable, stale: Payment): Promise<"closed" | "paid" | "error"> {
  if (stale.processorSessionId && stale.processorKind === payable.account.kind) {
    let seen: PaymentObservation;
    try {
      seen = await payable.processor.expireHostedPayment(db, payable.account, stale.processorSessionId);
    } catch (err) {
      if (!(err instanceof ProcessorCallError)) throw err;
      if (err.code !== "not_found") return "error";
      seen = { ended: "expired" };
    }
    if (!seen.paid && !seen.ended) return "error";
    const recorded = await db.transaction((tx) => recordPaymentOutcome(tx, { tenantId: stale.tenantId, paymentId: stale.id }, seen));
    if (recorded?.payment.succeededAt) {
      await finishPaidPayment(db, stale.tenantId, stale.id);
      return "paid";
    }
  }
  await db
    .update(payments)
    .set({ status: "canceled" })
    .where(and(eq(payments.id, stale.id), eq(payments.tenantId, stale.tenantId), eq(payments.status, "pending")));
  return "closed";
}
