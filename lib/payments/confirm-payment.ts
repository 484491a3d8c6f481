import type { Database } from "@/db/client";
import type { Payment } from "@/db/schema";
import { finishPaidPayment } from "./finish-paid-payment";
import { loadPayment } from "./payment-lookup";
import { syncPaymentFromProcessor } from "./sync-payment";

/**
 * What the result page shows: asks the processor for the payment's outcome and records it
 * idempotently, so the page is right whether or not the webhook arrived (and the webhook, when it
 * does, changes nothing). Also sends a receipt that is still due. Null when the payment isn't this
 * practice's. A processor that can't be reached leaves the payment as recorded (pending: "processing").
 */
export async function confirmPaymentOnReturn(db: Database, tenantId: string, paymentId: string): Promise<Payment | null> {
  const payment = await loadPayment(db, tenantId, paymentId);
  if (!payment) return null;
  if (payment.status === "pending" || payment.status === "failed") await syncPaymentFromProcessor(db, payment);
  await finishPaidPayment(db, tenantId, paymentId);
  return loadPayment(db, tenantId, paymentId);
}
