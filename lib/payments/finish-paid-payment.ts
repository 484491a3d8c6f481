import type { Database } from "@/db/client";
import { loadPayment } from "./payment-lookup";
import { sendReceiptIfDue } from "./send-receipt";
import { syncPaymentFromProcessor } from "./sync-payment";

/**
 * The after-commit half of recording a payment: if it is paid but the report lacked the card
 * (a checkout.session.completed event carries only ids), reads the card from the processor, then
 * sends the receipt if it is due. Safe to call any number of times, from anywhere, after commit.
 * Never throws: the payment is already recorded, and the next confirmation retries what failed.
 */
export async function finishPaidPayment(db: Database, tenantId: string, paymentId: string): Promise<void> {
  try {
    const payment = await loadPayment(db, tenantId, paymentId);
    if (!payment?.succeededAt) return;
    if (!payment.cardLast4 && !payment.receiptSentAt) await syncPaymentFromProcessor(db, payment);
    await sendReceiptIfDue(db, paymentId);
  } catch (err) {
    console.error(`Finishing paid payment ${paymentId} failed; it will be retried when the payment is next confirmed.`, err instanceof Error ? err.name : "unknown");
  }
}
