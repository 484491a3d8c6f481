import type { Database } from "@/db/client";
import type { PatientSession } from "@/db/schema";
import type { PortalTenant } from "@/lib/tenancy/portal-tenant";
import { tenantUrl } from "@/lib/tenancy/urls";
import { payableAccount } from "./payment-lookup";
import { ProcessorCallError, type SavedCard } from "./processor";
import { ensureProcessorCustomer, findProcessorCustomer } from "./processor-customer";

// Pay and Verify only: a patient who proved access to a contact on file may keep cards with the
// practice's processor. The cards live on the processor's customer object; we hold its id only.

export type { SavedCard };
export type StartAddCardResult = { ok: true; redirectUrl: string } | { ok: false; code: "not_verified" | "processor_unavailable" | "processor_error" };

/** Where the processor sends the patient back after adding a card, unless the caller names a page. */
export const ADD_CARD_RETURN_PATH = "/balance";

function verifiedOn(tenant: PortalTenant, session: PatientSession): boolean {
  return session.tenantId === tenant.id && session.verifiedAt !== null;
}

/** The verified patient's saved cards at the practice's processor, newest first; [] when not verified, none saved, or the processor can't be reached. */
export async function listSavedCards(db: Database, tenant: PortalTenant, session: PatientSession): Promise<SavedCard[]> {
  if (!verifiedOn(tenant, session)) return [];
  const payable = await payableAccount(db, tenant.id);
  if (!payable) return [];
  const customerId = await findProcessorCustomer(db, payable.account, session.patientId);
  if (!customerId) return [];
  try {
    return await payable.processor.listSavedCards(db, payable.account, customerId);
  } catch (err) {
    if (err instanceof ProcessorCallError) return [];
    throw err;
  }
}

/**
 * Sends a verified patient to the processor's hosted page to save a card without paying (Stripe:
 * Checkout in setup mode on the practice's account; demo: our demo page). They come back to
 * `returnPath` on the practice's host with `?card=added` or `?card=canceled`.
 */
export async function startAddCard(db: Database, tenant: PortalTenant, session: PatientSession, opts: { returnPath?: string } = {}): Promise<StartAddCardResult> {
  if (!verifiedOn(tenant, session)) return { ok: false, code: "not_verified" };
  const payable = await payableAccount(db, tenant.id);
  if (!payable) return { ok: false, code: "processor_unavailable" };
  // Only a path on the practice's own host: never an open redirect.
  const path = opts.returnPath?.startsWith("/") && !opts.returnPath.startsWith("//") ? opts.returnPath : ADD_CARD_RETURN_PATH;
  const back = (outcome: string) => tenantUrl(tenant.slug, `${path}${path.includes("?") ? "&" : "?"}card=${outcome}`);
  try {
    const customerId = await ensureProcessorCustomer(db, payable, session.patientId);
    const { url } = await payable.processor.startAddCard(db, payable.account, {
      tenantId: tenant.id,
      customerId,
      currency: tenant.currency,
      description: `Save a card with ${tenant.name}`,
      successUrl: back("added"),
      cancelUrl: back("canceled"),
    });
    return { ok: true, redirectUrl: url };
  } catch (err) {
    if (!(err instanceof ProcessorCallError)) throw err;
    return { ok: false, code: err.code === "unavailable" ? "processor_unavailable" : "processor_error" };
  }
}

/** Deletes one of the verified patient's saved cards; false (and nothing touched) for a card that isn't on this patient's customer. */
export async function deleteSavedCard(db: Database, tenant: PortalTenant, session: PatientSession, paymentMethodId: string): Promise<boolean> {
  if (!verifiedOn(tenant, session) || !paymentMethodId) return false;
  const payable = await payableAccount(db, tenant.id);
  if (!payable) return false;
  const customerId = await findProcessorCustomer(db, payable.account, session.patientId);
  if (!customerId) return false;
  try {
    return await payable.processor.deleteSavedCard(db, payable.account, customerId, paymentMethodId);
  } catch (err) {
    if (err instanceof ProcessorCallError) return false;
    throw err;
  }
}
