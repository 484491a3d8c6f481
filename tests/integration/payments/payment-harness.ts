// Shared set-up for the payment engine's tests: a practice that can take payments (registration
// key claimed, processor connected through the real onboarding), patients, their portal sessions,
// and the Stripe + Resend fakes wired to our real webhook route.
import { and, eq } from "drizzle-orm";
import { POST as connectWebhook } from "@/app/api/webhooks/stripe/connect/route";
import type { Database } from "@/db/client";
import { patients, payments, processorAccounts } from "@/db/schema";
import { nameKey } from "@/lib/patients/name-key";
import { createPatientSession } from "@/lib/patients/patient-session";
import { startProcessorOnboarding } from "@/lib/payments";
import { claimKey } from "@/lib/registration-keys/claim-key";
import { issueKeys } from "@/lib/registration-keys/issue-keys";
import { loadPortalTenant, type PortalTenant } from "@/lib/tenancy/portal-tenant";
import { startResendFake, type ResendFake } from "../../fakes/resend-fake";
import { startStripeFake, type StripeFake } from "../../fakes/stripe-fake";
import { makePractice } from "../../support/factories";
import { serveRoute, type RouteServer } from "./webhook-harness";

export const CONNECT_SECRET = "whsec_connect_payments_test";

export interface Fakes {
  stripe: StripeFake;
  resend: ResendFake;
  connectEndpoint: RouteServer;
  close(): Promise<void>;
}

/**
 * Starts the Stripe fake (delivering Connect events to our real route) and the Resend fake, and
 * points the environment at them. env() caches its first read: call this before anything reads it.
 */
export async function startPaymentFakes(): Promise<Fakes> {
  const connectEndpoint = await serveRoute(connectWebhook);
  const stripe = await startStripeFake({ connectWebhookUrl: `${connectEndpoint.url}/api/webhooks/stripe/connect`, connectWebhookSecret: CONNECT_SECRET });
  const resend = await startResendFake();
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_payments",
    STRIPE_API_BASE: stripe.url,
    STRIPE_CONNECT_WEBHOOK_SECRET: CONNECT_SECRET,
    RESEND_API_KEY: "re_test_payments",
    RESEND_BASE_URL: resend.url,
  });
  delete process.env.STRIPE_WEBHOOK_SECRET;
  return {
    stripe,
    resend,
    connectEndpoint,
    async close() {
      await stripe.close();
      await resend.close();
      await connectEndpoint.close();
      for (const name of ["STRIPE_SECRET_KEY", "STRIPE_API_BASE", "STRIPE_CONNECT_WEBHOOK_SECRET", "RESEND_API_KEY", "RESEND_BASE_URL"]) delete process.env[name];
    },
  };
}

export interface LivePractice {
  tenant: PortalTenant;
  ownerId: string;
  /** acct_… for Stripe, our own id for the demo processor. */
  accountId: string;
}

/** A practice patients can pay: registration key claimed and a processor taking charges (Stripe: onboarded on the fake's hosted page). */
export async function livePractice(db: Database, processor: "stripe" | "demo", opts: { name?: string } = {}): Promise<LivePractice> {
  const { tenant, owner } = await makePractice(db, { name: opts.name ?? "Bright Smiles Dental" });
  const [key] = await issueKeys(db, { count: 1, supportUntil: new Date(Date.now() + 365 * 86_400_000) });
  const claimed = await claimKey(db, { tenantId: tenant.id, rawKey: key!.key, actorUserId: owner.id });
  if (!claimed.ok) throw new Error(claimed.message);
  const started = await startProcessorOnboarding(db, { tenantId: tenant.id, actorUserId: owner.id }, processor);
  if (!started.ok) throw new Error(started.message);
  if (started.next === "redirect") {
    // The office completes Stripe's form; the fake sends account.updated to our Connect route.
    const done = await fetch(started.url, { method: "POST", redirect: "manual" });
    if (done.status !== 303) throw new Error(`onboarding answered ${done.status}`);
  }
  const [account] = await db.select().from(processorAccounts).where(eq(processorAccounts.tenantId, tenant.id));
  if (!account?.chargesEnabled) throw new Error("the processor is not taking charges");
  const portal = await loadPortalTenant(db, tenant.slug);
  return { tenant: portal!, ownerId: owner.id, accountId: account.externalAccountId };
}

let patientCounter = 0;

/** A patient of the practice, with an email on file unless told otherwise. */
export async function makePatient(db: Database, tenant: PortalTenant, opts: { email?: string | null; balanceCents?: number } = {}) {
  patientCounter += 1;
  const firstName = "Maria";
  const lastName = `Garcia${patientCounter}`;
  const [row] = await db
    .insert(patients)
    .values({
      tenantId: tenant.id,
      clinicId: tenant.clinics[0]?.id ?? null,
      externalId: `ext-${Date.now().toString(36)}-${patientCounter}`,
      firstName,
      lastName,
      firstNameKey: nameKey(firstName),
      lastNameKey: nameKey(lastName),
      birthdate: "1985-03-14",
      email: opts.email === undefined ? `maria${patientCounter}@example.com` : opts.email,
      balanceCents: opts.balanceCents ?? 24_550,
      balanceAsOf: new Date(Date.now() - 86_400_000),
    })
    .returning();
  return row!;
}

/** A patient's portal session (Pay now, or Pay and Verify once verified), as the identity pages create it. */
export async function patientSession(db: Database, tenant: PortalTenant, patient: { id: string; clinicId: string | null }, opts: { verified?: boolean } = {}) {
  const { session } = await createPatientSession(db, {
    tenantId: tenant.id,
    patientId: patient.id,
    clinicId: patient.clinicId,
    purpose: opts.verified ? "verify" : "pay-now",
    verified: opts.verified,
  });
  return session;
}

/** A patient and their session in one step. */
export async function payingPatient(db: Database, tenant: PortalTenant, opts: { verified?: boolean; email?: string | null } = {}) {
  const patient = await makePatient(db, tenant, { email: opts.email });
  return { patient, session: await patientSession(db, tenant, patient, opts) };
}

/** Submits a test card on the fake's hosted Checkout page, as the patient's browser would. */
export function payOnStripeCheckout(url: string, cardnumber: string): Promise<Response> {
  return fetch(url, { method: "POST", body: new URLSearchParams({ cardnumber, expiry: "12 / 34", cvc: "123" }), redirect: "manual" });
}

/** The payment rows of one patient session. */
export function paymentsOfSession(db: Database, tenantId: string, sessionId: string) {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.tenantId, tenantId), eq(payments.patientSessionId, sessionId)));
}

/** One payment row by id, whatever its practice (tests look behind the engine's back). */
export async function paymentRow(db: Database, id: string) {
  const [row] = await db.select().from(payments).where(eq(payments.id, id));
  return row!;
}
