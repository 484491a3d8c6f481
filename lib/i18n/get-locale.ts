import "server-only";
import { cookies, headers } from "next/headers";
import { INTL_LOCALE, LOCALE_COOKIE, negotiateLocale, type Locale } from "./locales";
import { en, type Messages } from "./messages/en";
import { es } from "./messages/es";

const MESSAGES: Record<Locale, Messages> = { en, es };

/** The patient's language for this request: their saved choice, else their browser's. */
export async function getLocale(): Promise<Locale> {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  return negotiateLocale(jar.get(LOCALE_COOKIE)?.value, h.get("accept-language"));
}

/** The locale, its Intl tag and its messages, for a server component. */
export async function getI18n(): Promise<{ locale: Locale; intl: string; t: Messages }> {
  const locale = await getLocale();
  return { locale, intl: INTL_LOCALE[locale], t: MESSAGES[locale] };
}

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}
