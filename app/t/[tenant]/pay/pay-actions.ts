"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getI18n } from "@/lib/i18n/get-locale";
import { formatCents, parseMoneyToCents } from "@/lib/money";
import { readPatientSession } from "@/lib/patients/session-cookie";
import { startPatientPayment } from "@/lib/payments/start-payment";
import { currentLivePortal } from "@/lib/tenancy/current-portal";
import type { ActionFormState } from "../_components/action-form";

export interface PayFormState extends ActionFormState {
  fieldErrors?: { amount?: string; receiptEmail?: string };
  values?: { amount?: string; receiptEmail?: string };
}

const emailSchema = z.union([z.literal(""), z.email()]);

/** Creates the payment (once, however often it is pressed) and sends the patient to the processor's secure page. */
export async function startPaymentAction(_state: PayFormState, form: FormData): Promise<PayFormState> {
  const tenant = await currentLivePortal();
  if (!tenant) redirect("/");
  const [session, { t, intl, locale }] = await Promise.all([readPatientSession(tenant.id), getI18n()]);
  if (!session) return { error: t.session.expired };
  const amountText = String(form.get("amount") ?? "");
  const receiptEmail = String(form.get("receiptEmail") ?? "").trim().toLowerCase();
  const values = { amount: amountText, receiptEmail };
  const amountCents = parseMoneyToCents(amountText);
  const fieldErrors: PayFormState["fieldErrors"] = {};
  if (amountCents === null || amountCents <= 0) fieldErrors.amount = t.pay.errors.amount;
  if (!emailSchema.safeParse(receiptEmail).success) fieldErrors.receiptEmail = t.pay.errors.email;
  if (fieldErrors.amount || fieldErrors.receiptEmail) return { fieldErrors, values };

  const savedCard = String(form.get("savedPaymentMethodId") ?? "") || null;
  const result = await startPatientPayment(await getDb(), {
    tenant,
    session,
    amountCents: amountCents!,
    source: session.purpose === "message-link" ? "message_to_pay" : "portal",
    receiptEmail: receiptEmail || null,
    savedPaymentMethodId: savedCard,
    saveCard: form.get("saveCard") === "yes",
    locale,
  });
  if (result.ok) redirect(result.redirectUrl);
  const money = (c: number) => formatCents(c, tenant.currency, intl);
  switch (result.code) {
    case "amount_too_small":
      return { fieldErrors: { amount: t.pay.errors.amount_too_small(money(100)) }, values };
    case "amount_too_large":
      return { fieldErrors: { amount: t.pay.errors.amount_too_large(money(tenant.maxPaymentCents)) }, values };
    default:
      return { error: t.pay.errors[result.code], values };
  }
}
