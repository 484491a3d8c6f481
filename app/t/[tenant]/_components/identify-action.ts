import "server-only";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { PatientSession } from "@/db/schema";
import { getI18n } from "@/lib/i18n/get-locale";
import { identifyPatient } from "@/lib/patients/identify";
import { setPatientSessionCookie } from "@/lib/patients/session-cookie";
import { requestIp } from "@/lib/platform/request-ip";
import { currentLivePortal } from "@/lib/tenancy/current-portal";
import type { IdentityFormState } from "./identity-form";

const KEEP = ["firstName", "lastName", "birthMonth", "birthDay", "birthYear"];

/** Shared body of the Pay now and Pay and Verify identity actions: identify, set the cookie, go on. */
export async function runIdentify(form: FormData, purpose: PatientSession["purpose"], next: string): Promise<IdentityFormState> {
  const tenant = await currentLivePortal();
  if (!tenant) redirect("/");
  const { t } = await getI18n();
  const raw = Object.fromEntries(form.entries());
  const result = await identifyPatient(await getDb(), tenant, raw, { ip: await requestIp(), t, purpose });
  if (!result.ok) {
    // Typed values come back so nothing the patient entered is lost.
    const values = Object.fromEntries(KEEP.map((k) => [k, String(raw[k] ?? "")]));
    return { fieldErrors: result.fieldErrors, formError: result.formError, values };
  }
  await setPatientSessionCookie(result.token);
  redirect(next);
}
