// Steps a patient takes on a practice's portal and on the processor's hosted page, plus reading
// what the app "sent" from the dev outbox (root host).
import { expect, type Page } from "@playwright/test";
import { rootUrl } from "./urls";

export interface PatientIdentity {
  firstName: string;
  lastName: string;
  month: string;
  day: string;
  year: string;
}

/** Seeded patients of the demo practice (db/seed.ts). */
export const MARIA: PatientIdentity & { email: string } = { firstName: "Maria", lastName: "García", month: "03", day: "14", year: "1985", email: "maria.garcia@example.com" };
export const JOSE: PatientIdentity & { email: string } = { firstName: "José", lastName: "Núñez", month: "07", day: "04", year: "1962", email: "jose.nunez@example.com" };
export const LINDA: PatientIdentity = { firstName: "Linda", lastName: "Johnson", month: "11", day: "22", year: "1978" };

/** The identity form's labels in each patient language (lib/i18n/messages). */
const IDENTITY_LABELS = {
  en: { firstName: "Patient's first name", lastName: "Patient's last name", month: "Month", day: "Day", year: "Year", submit: "Continue" },
  es: { firstName: "Nombre del paciente", lastName: "Apellido del paciente", month: "Mes", day: "Día", year: "Año", submit: "Continuar" },
} as const;

export async function fillIdentity(page: Page, who: PatientIdentity, lang: keyof typeof IDENTITY_LABELS = "en"): Promise<void> {
  const l = IDENTITY_LABELS[lang];
  await page.getByLabel(l.firstName).fill(who.firstName);
  await page.getByLabel(l.lastName).fill(who.lastName);
  await page.getByLabel(l.month, { exact: true }).fill(who.month);
  await page.getByLabel(l.day, { exact: true }).fill(who.day);
  await page.getByLabel(l.year, { exact: true }).fill(who.year);
}

export async function submitIdentity(page: Page, lang: keyof typeof IDENTITY_LABELS = "en"): Promise<void> {
  await page.getByRole("button", { name: IDENTITY_LABELS[lang].submit, exact: true }).click();
}

export const CARDS = { ok: "4242 4242 4242 4242", declined: "4000 0000 0000 0002" } as const;

/**
 * Enters a test card on the processor's hosted page and presses Pay. The demo checkout page and the
 * Stripe fake's Checkout label their fields alike; the button reads "Pay $25.50" on one and "Pay" on the other.
 */
export async function payWithCard(page: Page, cardNumber: string): Promise<void> {
  await page.getByLabel("Card number").fill(cardNumber);
  await page.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: /^Pay( \$[\d,.]+)?$/ }).click();
}

/**
 * Opens the newest outbox message to `to` whose subject contains `subject` and returns its text.
 * The outbox lists newest first.
 */
export async function readNewestEmail(page: Page, to: string, subject: string): Promise<string> {
  await page.goto(rootUrl("/dev/outbox"));
  await page.getByRole("link").filter({ hasText: `To ${to}` }).filter({ hasText: subject }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
  return page.getByRole("main").innerText();
}

/** Money as the pages print it in en-US and es-US: "$1,180.00". */
export const MONEY = /\$\d{1,3}(?:,\d{3})*\.\d{2}/;

/**
 * Context options for a patient arriving from their own network address. The app limits identity
 * tries per client IP (first X-Forwarded-For hop, as behind a proxy); without this every test's
 * patient would share the runner's one address and the suite would soon be refused as "too many tries".
 */
export function patientFromAddress(lastOctet: number) {
  return { extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${lastOctet}` } };
}
