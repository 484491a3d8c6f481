import { and, eq, or, type SQL } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { payments, processorAccounts } from "@/db/schema";
import { finishPaidPayment } from "../../../finish-paid-payment";
import { isUuid } from "../../../payment-lookup";
import type { PaymentObservation } from "../../../processor";
import { recordPaymentOutcome } from "../../../record-outcome";
import type { HandledEvent } from "../event-handler";

export interface PaymentReference {
  /** metadata.payment_id on the Stripe object: our payment id. */
  paymentId?: string | null;
  /** The PaymentIntent id, for objects whose metadata may lack ours. */
  processorPaymentId?: string | null;
  /** The Checkout Session the object came from; must be the one we opened for the payment. */
  checkoutSessionId?: string | null;
}

/**
 * Our payment that a Stripe object refers to, but only among the payments of the one practice
 * whose connected account the event happened on: an event for practice A's account never finds
 * practice B's payment, whatever ids it carries. Platform events (no `account`) find nothing.
 */
export async function findEventPayment(tx: Transaction, account: string | undefined, ref: PaymentReference): Promise<{ tenantId: string; paymentId: string } | null> {
  if (!account) return null;
  const byId: SQL[] = [];
  if (isUuid(ref.paymentId)) byId.push(eq(payments.id, ref.paymentId));
  if (ref.processorPaymentId) byId.push(and(eq(payments.processorKind, "stripe"), eq(payments.processorPaymentId, ref.processorPaymentId))!);
  if (byId.length === 0) return null;
  const [row] = await tx
    .select({ paymentId: payments.id, tenantId: payments.tenantId, sessionId: payments.processorSessionId })
    .from(payments)
    .innerJoin(processorAccounts, eq(processorAccounts.tenantId, payments.tenantId))
    .where(and(eq(processorAccounts.kind, "stripe"), eq(processorAccounts.externalAccountId, account), eq(payments.processorKind, "stripe"), or(...byId)))
    .limit(1);
  if (!row) return null;
  if (ref.checkoutSessionId && row.sessionId && row.sessionId !== ref.checkoutSessionId) return null;
  return { tenantId: row.tenantId, paymentId: row.paymentId };
}

/** The common body of every payment event: find the payment, record what the event says, finish after commit. */
export async function applyToPayment(tx: Transaction, account: string | undefined, ref: PaymentReference, seen: PaymentObservation): Promise<HandledEvent> {
  const found = await findEventPayment(tx, account, ref);
  if (!found) return { tenantId: null };
  const recorded = await recordPaymentOutcome(tx, found, seen);
  return {
    tenantId: found.tenantId,
    // Card details and the receipt: network work, so after the commit.
    afterCommit: recorded?.payment.succeededAt ? (db) => finishPaidPayment(db, found.tenantId, found.paymentId) : undefined,
  };
}
