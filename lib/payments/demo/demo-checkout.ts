import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { demoCheckoutSessions, demoPaymentMethods, tenants, type DemoCheckoutSession } from "@/db/schema";
import { finishPaidPayment } from "../finish-paid-payment";
import { payableAccount } from "../payment-lookup";
import type { SavedCard } from "../processor";
import { recordPaymentOutcome } from "../record-outcome";
import { listDemoCards } from "./demo-cards";
import { observeDemoSession } from "./demo-hosted-payment";
import { demoId } from "./demo-ids";
import { readTestCard } from "./test-cards";

// The server side of app/demo-checkout/[sessionId]: what the page shows and what its form does.
// It plays Stripe Checkout's part for the demo processor: the card is read, reduced to brand and
// last 4, and the outcome recorded through the same recordPaymentOutcome the Stripe webhooks use.

const SESSION_ID = /^demo_cs_[A-Za-z0-9_-]{43}$/;

export interface DemoCheckoutView {
  sessionId: string;
  mode: "payment" | "setup";
  /** "expired" also once the page's time is up. */
  status: "open" | "complete" | "expired";
  /** False when this installation can't take demo payments (Stripe is configured, or the practice left the demo processor). */
  available: boolean;
  practiceName: string;
  description: string;
  amountCents: number | null;
  currency: string;
  /** The patient's saved demo cards (payment pages of verified patients), the one they picked first. */
  savedCards: SavedCard[];
  successUrl: string;
  cancelUrl: string;
}

export type DemoCheckoutEntry = { cardNumber: string; expiry: string; cvc: string } | { savedCardId: string };

export type DemoCheckoutResult =
  | { ok: true; redirectUrl: string }
  | { ok: false; code: "not_found" | "unavailable" | "closed" | "invalid" | "declined"; message: string; field?: "cardNumber" | "expiry" | "cvc" };

const UNAVAILABLE = "Demo payments are turned off for this practice.";
const CLOSED = "This payment page is no longer active.";

async function loadSession(db: Database, sessionId: string): Promise<{ session: DemoCheckoutSession; practiceName: string } | null> {
  if (!SESSION_ID.test(sessionId)) return null;
  const [row] = await db
    .select({ session: demoCheckoutSessions, practiceName: tenants.name })
    .from(demoCheckoutSessions)
    .innerJoin(tenants, eq(tenants.id, demoCheckoutSessions.tenantId))
    .where(eq(demoCheckoutSessions.id, sessionId));
  return row ?? null;
}

async function demoStillPayable(db: Database, tenantId: string) {
  const payable = await payableAccount(db, tenantId);
  return payable?.account.kind === "demo" ? payable : null;
}

/** What the demo page shows for a session id; null for an unknown (or malformed) id. */
export async function loadDemoCheckout(db: Database, sessionId: string, now = new Date()): Promise<DemoCheckoutView | null> {
  const found = await loadSession(db, sessionId);
  if (!found) return null;
  const { session } = found;
  const payable = await demoStillPayable(db, session.tenantId);
  let savedCards: SavedCard[] = [];
  if (payable && session.mode === "payment" && session.customerId) {
    const cards = await listDemoCards(db, payable.account, session.customerId);
    savedCards = [...cards.filter((c) => c.id === session.savedPaymentMethodId), ...cards.filter((c) => c.id !== session.savedPaymentMethodId)];
  }
  return {
    sessionId: session.id,
    mode: session.mode,
    status: session.status === "open" && session.expiresAt <= now ? "expired" : session.status,
    available: payable !== null,
    practiceName: found.practiceName,
    description: session.description,
    amountCents: session.amountCents,
    currency: session.currency,
    savedCards,
    successUrl: session.successUrl,
    cancelUrl: session.cancelUrl,
  };
}

/**
 * Submits the demo page's form. Stripe's public test numbers: 4242 4242 4242 4242 and
 * 5555 5555 5555 4444 succeed, 4000 0000 0000 0002 is declined (the page stays open for another
 * try), anything else is invalid. Success records the payment (or saves the card) and answers the
 * URL to redirect to; a second submit of a completed page answers the same URL and records nothing.
 */
export async function submitDemoCheckout(db: Database, sessionId: string, entry: DemoCheckoutEntry, now = new Date()): Promise<DemoCheckoutResult> {
  const found = await loadSession(db, sessionId);
  if (!found) return { ok: false, code: "not_found", message: CLOSED };
  const { session } = found;
  const payable = await demoStillPayable(db, session.tenantId);
  if (!payable) return { ok: false, code: "unavailable", message: UNAVAILABLE };
  if (session.status === "complete") return { ok: true, redirectUrl: session.successUrl };
  if (session.status !== "open" || session.expiresAt <= now) return { ok: false, code: "closed", message: CLOSED };

  let card: { brand: string; last4: string; expMonth: number; expYear: number; fromSaved: boolean };
  if ("savedCardId" in entry) {
    const saved = session.customerId ? (await listDemoCards(db, payable.account, session.customerId)).find((c) => c.id === entry.savedCardId) : undefined;
    if (!saved || session.mode !== "payment") return { ok: false, code: "invalid", message: "That saved card isn't available. Enter a card instead." };
    card = { ...saved, fromSaved: true };
  } else {
    const read = readTestCard(entry, now);
    if (!read.ok) return { ok: false, code: "invalid", message: read.message, field: read.field };
    if (read.card.decline) {
      await recordDecline(db, session, read.card.decline);
      return { ok: false, code: "declined", message: read.card.decline, field: "cardNumber" };
    }
    card = { brand: read.card.brand, last4: read.card.last4, expMonth: read.expMonth, expYear: read.expYear, fromSaved: false };
  }

  const completed = await db.transaction(async (tx) => {
    const [done] = await tx
      .update(demoCheckoutSessions)
      .set({
        status: "complete",
        paid: session.mode === "payment",
        demoPaymentId: session.mode === "payment" ? demoId("demo_pi") : null,
        cardBrand: card.brand,
        cardLast4: card.last4,
        failureMessage: null,
        completedAt: now,
      })
      .where(and(eq(demoCheckoutSessions.id, session.id), eq(demoCheckoutSessions.status, "open")))
      .returning();
    if (!done) return null;
    if (done.customerId && !card.fromSaved && (done.mode === "setup" || done.saveCard)) {
      await tx.insert(demoPaymentMethods).values({ id: demoId("demo_pm"), tenantId: done.tenantId, customerId: done.customerId, brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear });
    }
    if (done.mode === "payment" && done.paymentId) await recordPaymentOutcome(tx, { tenantId: done.tenantId, paymentId: done.paymentId }, observeDemoSession(done, now));
    return done;
  });
  if (!completed) {
    // Another submit of this page won the race: the patient belongs where it went.
    const again = await loadSession(db, session.id);
    return again?.session.status === "complete" ? { ok: true, redirectUrl: again.session.successUrl } : { ok: false, code: "closed", message: CLOSED };
  }
  if (completed.paymentId) await finishPaidPayment(db, completed.tenantId, completed.paymentId);
  return { ok: true, redirectUrl: completed.successUrl };
}

/** A declined attempt: kept on the page and on the still-pending payment, as Stripe's payment_intent.payment_failed would. */
async function recordDecline(db: Database, session: DemoCheckoutSession, message: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(demoCheckoutSessions)
      .set({ failureMessage: message })
      .where(and(eq(demoCheckoutSessions.id, session.id), eq(demoCheckoutSessions.status, "open")));
    if (session.mode === "payment" && session.paymentId) await recordPaymentOutcome(tx, { tenantId: session.tenantId, paymentId: session.paymentId }, { failureMessage: message });
  });
}
