import type { Executor } from "@/db/client";
import type { ProcessorAccount } from "@/db/schema";
import { ProcessorCallError, type AddCardRequest, type SavedCard } from "../processor";
import { UNDER_LOCK } from "./checkout-session";
import { callStripe, idOf } from "./stripe-call";

// Saved cards live on a Customer on the practice's connected account. We send Stripe no name or
// email: the customer is identified to us by its id and to Stripe by our metadata ids.

/** Creates the patient's Customer on the connected account; the idempotency key makes a retry return the same one. */
export async function createStripeCustomer(_db: Executor, account: ProcessorAccount, req: { tenantId: string; patientId: string; idempotencyKey: string }): Promise<string> {
  const customer = await callStripe("customer create", (stripe) =>
    stripe.customers.create(
      { metadata: { chairside_tenant_id: req.tenantId, chairside_patient_id: req.patientId } },
      // Created on a first payment, under the patient session's lock: same short timeout as Checkout.
      { stripeAccount: account.externalAccountId, idempotencyKey: req.idempotencyKey, ...UNDER_LOCK },
    ),
  );
  return customer.id;
}

/** The customer's saved cards, newest first. */
export async function listStripeCards(_db: unknown, account: ProcessorAccount, customerId: string): Promise<SavedCard[]> {
  const list = await callStripe("saved card list", (stripe) =>
    stripe.customers.listPaymentMethods(customerId, { type: "card", limit: 20 }, { stripeAccount: account.externalAccountId }),
  );
  return list.data.flatMap((pm) => (pm.card ? [{ id: pm.id, brand: pm.card.brand, last4: pm.card.last4, expMonth: pm.card.exp_month, expYear: pm.card.exp_year }] : []));
}

/** A Checkout Session in setup mode: the patient saves a card on Stripe's page and pays nothing. */
export async function startStripeAddCard(_db: unknown, account: ProcessorAccount, req: AddCardRequest): Promise<{ url: string }> {
  const session = await callStripe("Checkout Session (setup) create", (stripe) =>
    stripe.checkout.sessions.create(
      {
        mode: "setup",
        currency: req.currency,
        customer: req.customerId,
        success_url: req.successUrl,
        cancel_url: req.cancelUrl,
        metadata: { purpose: "add_card" },
      },
      { stripeAccount: account.externalAccountId },
    ),
  );
  if (!session.url) throw new ProcessorCallError("failed", `Checkout Session ${session.id} has no URL`);
  return { url: session.url };
}

/** Detaches a saved card, only after checking it is attached to this customer. */
export async function deleteStripeCard(_db: unknown, account: ProcessorAccount, customerId: string, paymentMethodId: string): Promise<boolean> {
  const stripeAccount = account.externalAccountId;
  try {
    const pm = await callStripe(
      "payment method retrieve",
      (stripe) => stripe.paymentMethods.retrieve(paymentMethodId, {}, { stripeAccount }),
      // An id that isn't a card on this account is just a refusal.
      (err) => err.code === "resource_missing",
    );
    if (idOf(pm.customer) !== customerId) return false;
    await callStripe("payment method detach", (stripe) => stripe.paymentMethods.detach(paymentMethodId, {}, { stripeAccount }));
    return true;
  } catch (err) {
    if (err instanceof ProcessorCallError && err.code === "not_found") return false;
    throw err;
  }
}
