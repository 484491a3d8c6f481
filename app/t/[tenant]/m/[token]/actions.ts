"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getI18n } from "@/lib/i18n/get-locale";
import { linkLookupRule } from "@/lib/message-to-pay/link-rate-limit";
import { openPaymentLink } from "@/lib/message-to-pay/open-link";
import { formatCents } from "@/lib/money";
import { createPatientSession } from "@/lib/patients/patient-session";
import { readPatientSession, setPatientSessionCookie } from "@/lib/patients/session-cookie";
import { startPatientPayment } from "@/lib/payments/start-payment";
import { requestIp } from "@/lib/platform/request-ip";
import { consumeRateLimit } from "@/lib/rate-limit/consume";
import { currentLivePortal } from "@/lib/tenancy/current-portal";
import type { ActionFormState } from "../../_components/action-form";

/**
 * Pay from a personal link: having the link is the patient's proof, so it opens a (verified) "message-link" visit
 * for the request's patient and goes straight to the processor for what remains — or to the amount page for
 * "another amount". The practice is the host's; the token must be one of its requests.
 */
export async function payFromLinkAction(_state: ActionFormState, form: FormData): Promise<ActionFormState> {
  const tenant = await currentLivePortal();
  if (!tenant) redirect("/");
  const { t, intl, locale } = await getI18n();
  const token = String(form.get("token") ?? "");
  const db = await getDb();
  if (!(await consumeRateLimit(db, linkLookupRule(await requestIp()))).allowed) return { error: t.messageLink.tooMany };
  const link = await openPaymentLink(db, { tenantId: tenant.id, token });
  if (!link.ok) return { error: t.messageLink.expiredBody };

  // The same visit across double clicks and back buttons: one payable payment at most (start-payment's guarantee).
  let session = await readPatientSession(tenant.id);
  if (!session || session.paymentRequestId !== link.request.id || session.patientId !== link.request.patientId) {
    const created = await createPatientSession(db, {
      tenantId: tenant.id,
      patientId: link.request.patientId,
      clinicId: link.request.clinicId,
      purpose: "message-link",
      verified: true,
      paymentRequestId: link.request.id,
    });
    await setPatientSessionCookie(created.token);
    session = created.session;
  }
  if (form.get("mode") === "other") redirect("/pay/amount");
  if (link.remainingCents <= 0) return { notice: t.messageLink.nothingOwed };

  const result = await startPatientPayment(db, { tenant, session, amountCents: link.remainingCents, source: "message_to_pay", locale });
  if (result.ok) redirect(result.redirectUrl);
  const money = (c: number) => formatCents(c, tenant.currency, intl);
  switch (result.code) {
    case "amount_too_small":
      return { error: t.pay.errors.amount_too_small(money(100)) };
    case "amount_too_large":
      return { error: t.pay.errors.amount_too_large(money(tenant.maxPaymentCents)) };
    default:
      return { error: t.pay.errors[result.code] };
  }
}
