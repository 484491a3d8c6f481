import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { payments, tenants } from "@/db/schema";
import { EmailSendError, sendEmail } from "@/lib/messaging/send-email";
import { buildReceiptEmail } from "./receipt-email";

// A sender holds the receipt for this long; a crashed sender's claim lapses and the next confirmation retries.
const CLAIM_MS = 2 * 60_000;

export type ReceiptSend = "sent" | "not-due" | "failed";

/** Resend idempotency key for a payment's receipt: even two senders that both got through would mail it once. */
export function receiptIdempotencyKey(paymentId: string): string {
  return `receipt:${paymentId}`;
}

/**
 * Sends a paid payment's receipt if it hasn't been sent: one sender at a time (a short claim on
 * the row), receipt_sent_at set only once the mailer accepted it. Call it after the commit that
 * marked the payment paid, never inside a transaction. A failure is logged without patient data,
 * releases the claim and is retried the next time the payment is confirmed. Never throws.
 */
export async function sendReceiptIfDue(db: Database, paymentId: string, now = new Date()): Promise<ReceiptSend> {
  const [claimed] = await db
    .update(payments)
    .set({ receiptClaimedAt: now })
    .where(
      and(
        eq(payments.id, paymentId),
        isNotNull(payments.succeededAt),
        isNotNull(payments.receiptEmail),
        isNull(payments.receiptSentAt),
        or(isNull(payments.receiptClaimedAt), lt(payments.receiptClaimedAt, new Date(now.getTime() - CLAIM_MS))),
      ),
    )
    .returning();
  if (!claimed) return "not-due";
  try {
    const [tenant] = await db.select({ name: tenants.name, phone: tenants.phone, timeZone: tenants.timeZone }).from(tenants).where(eq(tenants.id, claimed.tenantId));
    const email = buildReceiptEmail({
      practiceName: tenant!.name,
      practicePhone: tenant!.phone,
      amountCents: claimed.amountCents,
      currency: claimed.currency,
      paidAt: claimed.succeededAt!,
      timeZone: tenant!.timeZone,
      receiptNumber: claimed.receiptNumber!,
      cardBrand: claimed.cardBrand,
      cardLast4: claimed.cardLast4,
      locale: claimed.locale,
    });
    await sendEmail({ to: claimed.receiptEmail!, ...email, tenantId: claimed.tenantId, idempotencyKey: receiptIdempotencyKey(claimed.id) });
    await db.update(payments).set({ receiptSentAt: new Date(), receiptClaimedAt: null }).where(eq(payments.id, claimed.id));
    return "sent";
  } catch (err) {
    // Never the address or the error text (providers echo the address back): the payment id and a code.
    const code = err instanceof EmailSendError ? err.code : err instanceof Error ? err.name : "unknown";
    console.error(`Receipt for payment ${claimed.id} not sent (${code}); it will be retried when the payment is next confirmed.`);
    await db
      .update(payments)
      .set({ receiptClaimedAt: null })
      .where(and(eq(payments.id, claimed.id), eq(payments.receiptClaimedAt, now)));
    return "failed";
  }
}
