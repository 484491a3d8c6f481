import type { Executor } from "@/db/client";
import type { PatientSession } from "@/db/schema";
import type { Messages } from "@/lib/i18n/messages/en";
import { consumeRateLimits } from "@/lib/rate-limit/consume";
import type { PortalTenant } from "@/lib/tenancy/portal-tenant";
import { findPatientByIdentity } from "./find-by-identity";
import { identitySchema, type IdentityError } from "./identity-schema";
import { createPatientSession } from "./patient-session";

export type IdentifyResult =
  | { ok: true; token: string; session: PatientSession }
  | { ok: false; fieldErrors: Partial<Record<IdentityError, string>>; formError?: string };

// Guessing names and birthdates is the attack; these bound it per IP, per practice and per patient.
const LIMITS = { perIp: 10, perPractice: 600, perPatient: 8, windowSeconds: 15 * 60 };

/**
 * Identifies a patient on a practice's portal and starts their session. Says only "no match"
 * when nothing matches, never why. Counts every attempt against the rate limits.
 */
export async function identifyPatient(
  db: Executor,
  tenant: PortalTenant,
  raw: Record<string, unknown>,
  ctx: { ip: string; t: Messages; purpose: PatientSession["purpose"] },
): Promise<IdentifyResult> {
  const parsed = identitySchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<IdentityError, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as IdentityError;
      fieldErrors[field] ??= ctx.t.identity.errors[issue.message as IdentityError] ?? ctx.t.identity.errors[field];
    }
    return { ok: false, fieldErrors };
  }
  const limited = await consumeRateLimits(db, [
    { key: `identify:ip:${ctx.ip}`, limit: LIMITS.perIp, windowSeconds: LIMITS.windowSeconds },
    { key: `identify:tenant:${tenant.id}`, limit: LIMITS.perPractice, windowSeconds: LIMITS.windowSeconds },
  ]);
  if (!limited.allowed) return { ok: false, fieldErrors: {}, formError: ctx.t.identity.tooMany(Math.ceil(limited.retryAfterSeconds / 60)) };

  const patient = await findPatientByIdentity(db, tenant.id, parsed.data);
  if (!patient) return { ok: false, fieldErrors: {}, formError: ctx.t.identity.noMatch };
  const perPatient = await consumeRateLimits(db, [{ key: `identify:patient:${patient.id}`, limit: LIMITS.perPatient, windowSeconds: LIMITS.windowSeconds }]);
  if (!perPatient.allowed) return { ok: false, fieldErrors: {}, formError: ctx.t.identity.tooMany(Math.ceil(perPatient.retryAfterSeconds / 60)) };

  // The session carries the patient's OWN clinic: someone who came in through another clinic's link
  // pays their clinic, and the next pages say so.
  const { token, session } = await createPatientSession(db, { tenantId: tenant.id, patientId: patient.id, clinicId: patient.clinicId, purpose: ctx.purpose });
  return { ok: true, token, session };
}
