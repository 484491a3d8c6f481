// Steps an office takes in the dashboard (root host), shared by the onboarding, Stripe and
// cross-practice specs. Each step waits for what the user would see before it returns.
import { expect, test, type Page } from "@playwright/test";
import { expectHydrated } from "./hydration";
import { readNewestEmail } from "./patient";

/** Signing in or up runs bcrypt (≈ 250 ms a hash, slower on a busy 2-core runner), then redirects. */
export const SLOW = { timeout: 15_000 } as const;

export const DEMO_PASSWORD = "demo-password-1";
export const DEMO_OWNER_EMAIL = "owner@brightsmiles.test";

/**
 * The published demo keys. Each can be claimed once per app run, so every spec names its own, with a
 * spare for Playwright's retry (the retry runs against the same database, where the first is taken).
 */
export const DEMO_KEYS = {
  A: "DEMA-KEYA-2345-678U",
  B: "DEMA-KEYB-2345-678T",
  C: "DEMA-KEYC-2345-678S",
  D: "DEMA-KEYD-2345-678R",
  E: "DEMA-KEYE-2345-678Q",
} as const;

/** The key for this attempt: the first on the first run, the spare on a retry. Call inside a test or hook. */
export function keyForAttempt(first: string, spare: string): string {
  return test.info().retry === 0 ? first : spare;
}

function suffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export function uniqueEmail(label: string): string {
  return `${label}-${suffix()}@example.test`;
}

/** A subdomain nobody holds yet (3–40 characters). */
export function uniqueSlug(label: string): string {
  return `${label}-${suffix()}`.slice(0, 40);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  const form = page.getByRole("form", { name: "Sign in with your password" });
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Password", { exact: true }).fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/, SLOW);
}

/**
 * Creates an account, confirms its email with the link from the dev outbox, and waits on the
 * new-practice form, where sign-up sends a user without a practice.
 */
export async function signUp(page: Page, name: string, email: string, password = "a-long-enough-password"): Promise<void> {
  await page.goto("/sign-up");
  const form = page.getByRole("form", { name: "Create your account" });
  await form.getByLabel("Your name").fill(name);
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Password", { exact: true }).fill(password);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard\/new-practice$/, SLOW);
  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  const mail = await readNewestEmail(page, email, "Confirm your email");
  const link = /https?:\/\/\S+\/verify-email\?token=[\w-]+/.exec(mail)?.[0];
  expect(link, "the confirmation email carries a link").toBeTruthy();
  await page.goto(link!);
  await expect(page).toHaveURL(/\/dashboard\/new-practice\?verified=1$/, SLOW);
  await expect(page.getByText("Thanks, your email address is confirmed.")).toBeVisible();
}

export interface NewPractice {
  name: string;
  slug: string;
  clinicName: string;
}

/** Fills every field of the new-practice form (slug included, once the live check accepts it). */
export async function fillPracticeForm(page: Page, practice: NewPractice): Promise<void> {
  const slug = page.getByLabel("Web address for patients");
  // The address is checked as it is typed, by JavaScript: a value typed before hydration is never checked.
  await expectHydrated(slug);
  await page.getByLabel("Practice name").fill(practice.name);
  await slug.fill(practice.slug);
  await expect(page.getByText(`✓ ${practice.slug}.`)).toBeVisible();
  await page.getByLabel("Phone patients should call").fill("(555) 010-7788");
  await page.getByLabel("Clinic name").fill(practice.clinicName);
  await page.getByLabel("Street address").fill("12 Harbor Rd, Springfield");
  await page.getByLabel("Clinic phone").fill("(555) 010-7789");
}

/** Submits the filled new-practice form and waits for the new practice's dashboard. */
export async function submitPracticeForm(page: Page, practice: NewPractice): Promise<void> {
  await page.getByRole("button", { name: "Create practice" }).click();
  await expect(page).toHaveURL(/\/dashboard$/, SLOW);
  await expect(page.getByRole("heading", { level: 1, name: practice.name })).toBeVisible();
}

export async function createPractice(page: Page, practice: NewPractice): Promise<void> {
  await page.goto("/dashboard/new-practice");
  await fillPracticeForm(page, practice);
  await submitPracticeForm(page, practice);
}

export async function claimKey(page: Page, key: string): Promise<void> {
  await page.goto("/dashboard/registration-key");
  await page.getByLabel("Registration key").fill(key);
  await page.getByRole("button", { name: "Use this key" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Key accepted." })).toBeVisible(SLOW);
}

export async function connectDemoProcessor(page: Page): Promise<void> {
  await page.goto("/dashboard/processor");
  await page.getByRole("button", { name: "Connect the demo processor" }).click();
  // The page turns into the connected processor's status as soon as the action has run.
  await expect(page.getByRole("heading", { level: 2, name: "Demo processor: Ready" })).toBeVisible(SLOW);
}

/** A brand-new owner with a practice that is live on the demo processor. */
export async function createLiveDemoPractice(page: Page, practice: NewPractice, key: string): Promise<void> {
  await signUp(page, `Owner of ${practice.name}`, uniqueEmail(practice.slug));
  await createPractice(page, practice);
  await claimKey(page, key);
  await connectDemoProcessor(page);
}

/** Uploads a patients CSV on the import page and waits for the report. */
export async function importPatientsCsv(page: Page, file: string): Promise<void> {
  await page.goto("/dashboard/patients/import");
  await page.getByLabel("Patients CSV file").setInputFiles(file);
  await page.getByRole("button", { name: "Import patients" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible(SLOW);
}
