import type { Database } from "@/db/client";
import type { Payment } from "@/db/schema";
import { ProcessorCallError, type PaymentObservation } from "./processor";
import { processorForPayment } from "./payment-lookup";
import { recordPaymentOutcome, type RecordedOutcome } from "./record-outcome";

/**
 * Asks the processor about a payment's hosted session and records the answer (outside any
 * transaction while asking; inside one while recording). Null when the processor couldn't be
 * asked: no session, the practice's processor changed, or the call failed (logged).
 */
export async function syncPaymentFromProcessor(db: Database, payment: Payment): Promise<RecordedOutcome | null> {
  if (!payment.processorSessionId) return null;
  const found = await processorForPayment(db, payment);
  if (!found) return null;
  let seen: PaymentObservation;
  try {
    seen = await found.processor.retrievePayment(db, found.account, payment.processorSessionId);
  } catch (err) {
    if (err instanceof ProcessorCallError) return null;
    throw err;
  }
  return db.transaction((tx) => recordPaymentOutcome(tx, { tenantId: payment.tenantId, paymentId: payment.id }, seen));
}
