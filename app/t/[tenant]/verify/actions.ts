"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getI18n } from "@/lib/i18n/get-locale";
import { sendCode } from "@/lib/patients/send-code";
import { readPatientSession } from "@/lib/patients/session-cookie";
import { checkVerificationCode } from "@/lib/patients/verification-code";
import { consumeRateLimit } from "@/lib/rate-limit/consume";
import { requestIp } from "@/lib/platform/request-ip";
import { currentLivePortal } from "@/lib/tenancy/current-portal";
import type { ActionFormState } from "../_components/action-form";
import { runIdentify } from "../_components/identify-action";
import type { IdentityFormState } from "../_components/identity-form";

export async function identifyForVerify(_state: IdentityFormState, form: FormData): Promise<IdentityFormState> {
  return runIdentify(form, "verify", "/verify/send");
}

async function context() {
  const tenant = await currentLivePortal();
  if (!tenant) redirect("/");
  const [session, { t }] = await Promise.all([readPatientSession(tenant.id), getI18n()]);
  return { tenant, session, t };
}

/** Sends the code and moves on to the code page; `stay` (resend) keeps the patient where they are. */
export async function sendCodeAction(_state: ActionFormState, form: FormData): Promise<ActionFormState> {
  const { tenant, session, t } = await context();
  if (!session) return { error: t.session.expired };
  const result = await sendCode(await getDb(), tenant, session, form.get("channel") === "sms" ? "sms" : "email", t);
  if (!result.ok) return { error: result.message };
  if (form.get("stay") === "1") return { notice: t.verify.resent };
  redirect("/verify/code");
}

export async function checkCodeAction(_state: ActionFormState, form: FormData): Promise<ActionFormState> {
  const { tenant, session, t } = await context();
  if (!session) return { error: t.session.expired };
  const code = String(form.get("code") ?? "").replace(/\D/g, "");
  if (code.length !== 6) return { error: t.verify.codeFormat };
  const db = await getDb();
  const limit = await consumeRateLimit(db, { key: `code-check:ip:${await requestIp()}`, limit: 30, windowSeconds: 900 });
  if (!limit.allowed) return { error: t.identity.tooMany(Math.ceil(limit.retryAfterSeconds / 60)) };
  const result = await checkVerificationCode(db, { tenantId: tenant.id, sessionId: session.id, code });
  if (result.ok) redirect("/balance");
  switch (result.reason) {
    case "wrong":
      return { error: t.verify.wrong(result.attemptsLeft) };
    case "expired":
      return { error: t.verify.expired };
    case "locked":
      return { error: t.verify.locked };
    case "none":
      return { error: t.verify.none };
  }
}
