import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { payments, type Payment, type ProcessorAccount } from "@/db/schema";
import { processorFor } from "./available-processors";
import type { CardProcessor } from "./processor";
import { loadProcessorAccount } from "./processor-status";
import { isStripeConfigured } from "./stripe/client";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed uuid: anything else never reaches Postgres (which would refuse it with an error, not "no row"). */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** One payment of one practice, or null (unknown id, malformed id, or another practice's payment). */
export async function loadPayment(db: Executor, tenantId: string, paymentId: string): Promise<Payment | null> {
  if (!isUuid(paymentId) || !isUuid(tenantId)) return null;
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.id, paymentId), eq(payments.tenantId, tenantId)));
  return row ?? null;
}

/** The practice's processor account and implementation, if it is the kind that took this payment (a practice that switched processors can't reach old sessions). */
export async function processorForPayment(db: Executor, payment: Payment): Promise<{ account: ProcessorAccount; processor: CardProcessor } | null> {
  const account = await loadProcessorAccount(db, payment.tenantId);
  if (!account || account.kind !== payment.processorKind) return null;
  return { account, processor: processorFor(account.kind) };
}

/**
 * The account patients can pay through now: connected and taking charges. A demo account is
 * refused wherever Stripe is configured, so a leftover demo connection can't take fake payments
 * in a real deployment.
 */
export async function payableAccount(db: Executor, tenantId: string): Promise<{ account: ProcessorAccount; processor: CardProcessor } | null> {
  const account = await loadProcessorAccount(db, tenantId);
  if (!account || !account.chargesEnabled) return null;
  if (account.kind === "demo" && isStripeConfigured()) return null;
  return { account, processor: processorFor(account.kind) };
}
