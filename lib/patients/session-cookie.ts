import "server-only";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import type { PatientSession } from "@/db/schema";
import { isHttps } from "@/lib/tenancy/urls";
import { findPatientSession, PATIENT_SESSION_MINUTES } from "./patient-session";

// Host-only cookie on the practice's own subdomain: one practice's session never reaches another.
const COOKIE = "cs_ps";

export async function setPatientSessionCookie(token: string): Promise<void> {
  (await cookies()).set(COOKIE, token, { httpOnly: true, sameSite: "lax", secure: isHttps(), path: "/", maxAge: PATIENT_SESSION_MINUTES * 60 });
}

export async function clearPatientSessionCookie(): Promise<void> {
  (await cookies()).delete(COOKIE);
}

/** The patient's live session on this practice, from the cookie; null if none or expired. */
export async function readPatientSession(tenantId: string): Promise<PatientSession | null> {
  const token = (await cookies()).get(COOKIE)?.value;
  if (!token) return null;
  return findPatientSession(await getDb(), tenantId, token);
}
