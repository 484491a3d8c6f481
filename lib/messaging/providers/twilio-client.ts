import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { env } from "@/lib/env";

// The twilio SDK always calls https://api.twilio.com; tests point it at a local fake through its own
// RequestClient (same axios transport, auth and error handling), rewriting only the origin.
class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(private readonly base: URL) {
    super();
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = new URL(opts.uri);
    return super.request<TData>({ ...opts, uri: new URL(uri.pathname + uri.search, this.base).href });
  }
}

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** E.164 number or Messaging Service SID (MG…). */
  from: string;
  apiBase?: string;
}

/** Twilio settings from the environment, or null when texts are not configured (they then go to the dev outbox). */
export function twilioSettings(): TwilioSettings | null {
  const e = env();
  if (!e.TWILIO_ACCOUNT_SID || !e.TWILIO_AUTH_TOKEN || !e.TWILIO_FROM) return null;
  return { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, from: e.TWILIO_FROM, apiBase: e.TWILIO_API_BASE };
}

/** A twilio SDK client for `settings`; never retries by itself (the queue owns retries). */
export function twilioClient(settings: TwilioSettings): twilio.Twilio {
  return twilio(settings.accountSid, settings.authToken, {
    autoRetry: false,
    ...(settings.apiBase ? { httpClient: new BaseUrlRequestClient(new URL(settings.apiBase)) } : {}),
  });
}
