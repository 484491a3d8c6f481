import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { processorCustomers, type ProcessorAccount } from "@/db/schema";
import type { CardProcessor } from "./processor";

/** Stripe idempotency key for a patient's customer on one connected account: a retry, or a racing first payment, gets the same customer. */
export function customerIdempotencyKey(externalAccountId: string, patientId: string): string {
  return `customer:${externalAccountId}:${patientId}`;
}

/** The patient's customer id on the practice's current processor account, or null when none was created yet. */
export async function findProcessorCustomer(db: Executor, account: ProcessorAccount, patientId: string): Promise<string | null> {
  const [row] = await db
    .select({ customerId: processorCustomers.customerId, externalAccountId: processorCustomers.externalAccountId })
    .from(processorCustomers)
    .where(and(eq(processorCustomers.tenantId, account.tenantId), eq(processorCustomers.patientId, patientId), eq(processorCustomers.processorKind, account.kind)));
  // A customer on an account the practice no longer uses is as good as none.
  return row && row.externalAccountId === account.externalAccountId ? row.customerId : null;
}

/** The patient's customer on the practice's processor account, created on first need (one per patient, per practice and processor, per account). */
export async function ensureProcessorCustomer(db: Executor, found: { account: ProcessorAccount; processor: CardProcessor }, patientId: string): Promise<string> {
  const { account, processor } = found;
  const existing = await findProcessorCustomer(db, account, patientId);
  if (existing) return existing;
  const customerId = await processor.createCustomer(db, account, {
    tenantId: account.tenantId,
    patientId,
    idempotencyKey: customerIdempotencyKey(account.externalAccountId, patientId),
  });
  await db
    .insert(processorCustomers)
    .values({ tenantId: account.tenantId, patientId, processorKind: account.kind, externalAccountId: account.externalAccountId, customerId })
    .onConflictDoUpdate({
      target: [processorCustomers.tenantId, processorCustomers.patientId, processorCustomers.processorKind],
      set: { externalAccountId: account.externalAccountId, customerId },
    });
  return customerId;
}
