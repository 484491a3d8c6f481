import { Resend } from "resend";
import { env } from "@/lib/env";

/** The Resend SDK when an API key is configured, else null (mail then goes to the dev outbox). */
export function resendClient(): Resend | null {
  const { RESEND_API_KEY, RESEND_BASE_URL } = env();
  if (!RESEND_API_KEY) return null;
  return new Resend(RESEND_API_KEY, RESEND_BASE_URL ? { baseUrl: RESEND_BASE_URL } : undefined);
}
