import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { demoCheckoutSessions, type DemoCheckoutSession, type ProcessorAccount } from "@/db/schema";
import { rootUrl } from "@/lib/tenancy/urls";
import { ProcessorCallError, type HostedPayment, type HostedPaymentRequest, type PaymentObservation } from "../processor";
import { demoId } from "./demo-ids";

/** Where the demo hosted page lives: on the root host, like Stripe's own domain, never a practice's. */
export function demoCheckoutUrl(sessionId: string): string {
  return rootUrl(`/demo-checkout/${sessionId}`);
}

/** Opens a demo hosted page for one payment (one page per payment: a retry finds the page it already opened). */
export async function createDemoHostedPayment(db: Executor, account: ProcessorAccount, req: HostedPaymentRequest): Promise<HostedPayment> {
  const [existing] = await db
    .select({ id: demoCheckoutSessions.id })
    .from(demoCheckoutSessions)
    .where(and(eq(demoCheckoutSessions.tenantId, account.tenantId), eq(demoCheckoutSessions.paymentId, req.paymentId)));
  if (existing) return { sessionId: existing.id, url: demoCheckoutUrl(existing.id) };
  const id = demoId("demo_cs");
  await db.insert(demoCheckoutSessions).values({
    id,
    tenantId: account.tenantId,
    mode: "payment",
    paymentId: req.paymentId,
    customerId: req.customerId,
    amountCents: req.amountCents,
    currency: req.currency,
    saveCard: req.saveCard && req.customerId !== null,
    savedPaymentMethodId: req.customerId ? req.savedPaymentMethodId : null,
    description: req.description,
    successUrl: req.successUrl,
    cancelUrl: req.cancelUrl,
    expiresAt: req.expiresAt,
  });
  return { sessionId: id, url: demoCheckoutUrl(id) };
}

/** The facts a demo session holds, as a processor would report them. */
export function observeDemoSession(session: DemoCheckoutSession, now = new Date()): PaymentObservation {
  if (session.paid) {
    return { paid: { processorPaymentId: session.demoPaymentId, cardBrand: session.cardBrand, cardLast4: session.cardLast4, feeCents: null, paidAt: session.completedAt ?? now } };
  }
  if (session.status === "expired" || session.expiresAt <= now) return { ended: "expired" };
  return session.failureMessage ? { failureMessage: session.failureMessage } : {};
}

async function loadOwnSession(db: Executor, account: ProcessorAccount, sessionId: string): Promise<DemoCheckoutSession> {
  const [session] = await db
    .select()
    .from(demoCheckoutSessions)
    .where(and(eq(demoCheckoutSessions.id, sessionId), eq(demoCheckoutSessions.tenantId, account.tenantId)));
  if (!session) throw new ProcessorCallError("not_found", `No demo session ${sessionId} for this practice`);
  return session;
}

/** Reads a demo session of this practice. */
export async function retrieveDemoPayment(db: Executor, account: ProcessorAccount, sessionId: string): Promise<PaymentObservation> {
  return observeDemoSession(await loadOwnSession(db, account, sessionId));
}

/** Closes an open demo session; a paid one stays paid and is reported as such. */
export async function expireDemoHostedPayment(db: Executor, account: ProcessorAccount, sessionId: string): Promise<PaymentObservation> {
  await db
    .update(demoCheckoutSessions)
    .set({ status: "expired" })
    .where(and(eq(demoCheckoutSessions.id, sessionId), eq(demoCheckoutSessions.tenantId, account.tenantId), eq(demoCheckoutSessions.status, "open")));
  return retrieveDemoPayment(db, account, sessionId);
}
