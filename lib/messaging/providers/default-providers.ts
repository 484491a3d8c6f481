import type { Executor } from "@/db/client";
import { env } from "@/lib/env";
import { resendClient } from "../resend-client";
import { outboxEmailProvider, outboxTextProvider } from "./outbox-providers";
import type { Providers } from "./provider-types";
import { resendEmailProvider } from "./resend-batch";
import { twilioClient, twilioSettings } from "./twilio-client";
import { twilioTextProvider } from "./twilio-sms";

/** The configured providers: Resend when RESEND_API_KEY is set, Twilio when TWILIO_* are; otherwise the dev outbox for that channel. */
export function defaultProviders(db: Executor): Providers {
  const from = env().EMAIL_FROM;
  const resend = resendClient();
  const twilio = twilioSettings();
  return {
    email: resend ? resendEmailProvider(resend, from) : outboxEmailProvider(db, from),
    sms: twilio ? twilioTextProvider(twilioClient(twilio), twilio.from) : outboxTextProvider(db, "Chairside texts"),
  };
}
