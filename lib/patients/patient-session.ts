import { newSecretToken } from "@/lib/security/secret-token";
import { sha256 } from "@/lib/security/sha256";
import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { patientSessions, type PatientSession } from "@/db/schema";

/** How long an identified patient may stay on the portal without starting over. */
export const PATIENT_SESSION_MINUTES = 30;

/** Starts a session for an identified patient; returns the token for the cookie (we keep only its hash). */
export async function createPatientSession(
  db: Executor,
  input: { tenantId: string; patientId: string; clinicId: string | null; purpose: PatientSession["purpose"]; verified?: boolean; paymentRequestId?: string | null },
  now = new Date(),
): Promise<{ token: string; session: PatientSession }> {
  const { token, tokenHash } = newSecretToken();
  const [session] = await db
    .insert(patientSessions)
    .values({
      tenantId: input.tenantId,
      patientId: input.patientId,
      clinicId: input.clinicId,
      purpose: input.purpose,
      tokenHash,
      verifiedAt: input.verified ? now : null,
      paymentRequestId: input.paymentRequestId ?? null,
      expiresAt: new Date(now.getTime() + PATIENT_SESSION_MINUTES * 60_000),
    })
    .returning();
  return { token, session: session! };
}

/** The live session for this token on this practice, or null (unknown, expired, or another practice's). */
export async function findPatientSession(db: Executor, tenantId: string, token: string | undefined, now = new Date()): Promise<PatientSession | null> {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .select()
    .from(patientSessions)
    .where(and(eq(patientSessions.tokenHash, sha256(token)), eq(patientSessions.tenantId, tenantId), gt(patientSessions.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** Ends a session (after paying, or when the patient starts over). */
export async function endPatientSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(patientSessions).where(eq(patientSessions.id, sessionId));
}
