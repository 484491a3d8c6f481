import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { demoCheckoutSessions, demoPaymentMethods, type ProcessorAccount } from "@/db/schema";
import type { AddCardRequest, RefundDone, SavedCard } from "../processor";
import { demoCheckoutUrl } from "./demo-hosted-payment";
import { demoCustomerId, demoId } from "./demo-ids";

/** The patient's demo customer: nothing to create anywhere, the id is derived from the patient. */
export async function createDemoCustomer(_db: Executor, _account: ProcessorAccount, req: { patientId: string }): Promise<string> {
  return demoCustomerId(req.patientId);
}

/** Demo cards saved on this practice's customer, newest first. */
export async function listDemoCards(db: Executor, account: ProcessorAccount, customerId: string): Promise<SavedCard[]> {
  const rows = await db
    .select()
    .from(demoPaymentMethods)
    .where(and(eq(demoPaymentMethods.tenantId, account.tenantId), eq(demoPaymentMethods.customerId, customerId)))
    .orderBy(desc(demoPaymentMethods.createdAt));
  return rows.map((r) => ({ id: r.id, brand: r.brand, last4: r.last4, expMonth: r.expMonth, expYear: r.expYear }));
}

/** A demo page in setup mode: the patient enters a test card and it is saved, nothing is charged. */
export async function startDemoAddCard(db: Executor, account: ProcessorAccount, req: AddCardRequest): Promise<{ url: string }> {
  const id = demoId("demo_cs");
  await db.insert(demoCheckoutSessions).values({
    id,
    tenantId: account.tenantId,
    mode: "setup",
    customerId: req.customerId,
    currency: req.currency,
    description: req.description,
    successUrl: req.successUrl,
    cancelUrl: req.cancelUrl,
    expiresAt: new Date(Date.now() + 60 * 60_000),
  });
  return { url: demoCheckoutUrl(id) };
}

/** Deletes a demo card only if it is this customer's, on this practice. */
export async function deleteDemoCard(db: Executor, account: ProcessorAccount, customerId: string, paymentMethodId: string): Promise<boolean> {
  const removed = await db
    .delete(demoPaymentMethods)
    .where(and(eq(demoPaymentMethods.id, paymentMethodId), eq(demoPaymentMethods.tenantId, account.tenantId), eq(demoPaymentMethods.customerId, customerId)))
    .returning({ id: demoPaymentMethods.id });
  return removed.length > 0;
}

/** Demo refunds move no money; our payment row is the only ledger, so the total is left to it. */
export async function refundDemoPayment(): Promise<RefundDone> {
  return { refundId: demoId("demo_re"), totalRefundedCents: null };
}
