"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getI18n } from "@/lib/i18n/get-locale";
import { readPatientSession } from "@/lib/patients/session-cookie";
import { deleteSavedCard, startAddCard } from "@/lib/payments/saved-cards";
import { currentLivePortal } from "@/lib/tenancy/current-portal";
import type { ActionFormState } from "../_components/action-form";

async function verifiedContext() {
  const tenant = await currentLivePortal();
  if (!tenant) redirect("/");
  const [session, { t }] = await Promise.all([readPatientSession(tenant.id), getI18n()]);
  return { tenant, session: session?.verifiedAt ? session : null, t };
}

export async function deleteCardAction(_state: ActionFormState, form: FormData): Promise<ActionFormState> {
  const { tenant, session, t } = await verifiedContext();
  if (!session) return { error: t.session.expired };
  const ok = await deleteSavedCard(await getDb(), tenant, session, String(form.get("paymentMethodId") ?? ""));
  return ok ? { notice: t.balance.cardRemoved } : { error: t.pay.errors.processor_error };
}

export async function addCardAction(): Promise<ActionFormState> {
  const { tenant, session, t } = await verifiedContext();
  if (!session) return { error: t.session.expired };
  const result = await startAddCard(await getDb(), tenant, session);
  if (result.ok) redirect(result.redirectUrl);
  return { error: t.pay.errors.processor_error };
}
