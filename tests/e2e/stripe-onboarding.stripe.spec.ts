import { writeFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import {
  CARDS,
  claimKey,
  createPractice,
  DEMO_KEYS,
  E2E_STRIPE,
  fillIdentity,
  importPatientsCsv,
  keyForAttempt,
  mobile,
  readNewestEmail,
  patientFromAddress,
  payWithCard,
  rootUrl,
  SLOW,
  signUp,
  submitIdentity,
  tenantUrl,
  uniqueEmail,
  uniqueSlug,
} from "./support";

// On an installation with Stripe configured (the app on :3211, talking to the local Stripe fake),
// a new office connects Stripe through Stripe's hosted onboarding, goes live, imports a patient,
// and that patient pays through Stripe's hosted Checkout. The steps share one office page, in order.

test.describe.configure({ mode: "serial" });

const PRACTICE = { name: "Lakeside Family Dentistry", slug: uniqueSlug("lakeside"), clinicName: "Lakeside Main" };
const PATIENT = { firstName: "Lena", lastName: "Lakewood", month: "05", day: "06", year: "1980" };
const SECOND_PATIENT = { firstName: "Rosa", lastName: "Rivera", month: "09", day: "10", year: "1972" };
const STRIPE_HOSTED = (kind: "onboarding" | "checkout") => new RegExp(`^${E2E_STRIPE.hostedBase}/hosted/${kind}/`);
const RESULT_PAGE = /\/pay\/result\?payment=[0-9a-f-]{36}$/;

let office: Page;
let patient: Page;

test.beforeAll(async ({ browser }, testInfo) => {
  office = await (await browser.newContext({ baseURL: testInfo.project.use.baseURL })).newPage();
});

test.afterAll(async () => {
  await office?.context().close();
  await patient?.context().close();
});

test("a new office connects Stripe through Stripe's hosted onboarding and comes back ready", async () => {
  test.setTimeout(60_000);
  await signUp(office, "Leo Lakeside", uniqueEmail("lakeside-owner"));
  await createPractice(office, PRACTICE);
  await claimKey(office, keyForAttempt(DEMO_KEYS.A, DEMO_KEYS.B));

  await office.goto(rootUrl("/dashboard/processor"));
  const stripe = office.getByRole("region", { name: "Stripe" });
  await expect(stripe).toContainText("You'll be sent to Stripe to enter your practice and bank details");
  // Where Stripe is configured, the demo processor is not offered.
  await expect(office.getByRole("button", { name: "Connect the demo processor" })).toHaveCount(0);
  await stripe.getByRole("button", { name: "Connect with Stripe" }).click();

  await expect(office).toHaveURL(STRIPE_HOSTED("onboarding"), SLOW);
  await expect(office.getByRole("heading", { level: 1, name: "Set up payments" })).toBeVisible();
  await office.getByRole("button", { name: "Complete onboarding" }).click();

  await expect(office).toHaveURL(rootUrl("/dashboard/processor"), SLOW);
  await expect(office.getByRole("heading", { level: 2, name: "Stripe: Ready" })).toBeVisible();
  await expect(office.getByRole("definition").first()).toHaveText("Yes");
  await expect(office.getByText("Stripe still needs:")).toHaveCount(0);
});

test("the practice's portal is live once Stripe is ready", async () => {
  await office.goto(rootUrl("/dashboard"));
  await expect(office.getByRole("heading", { name: "Your portal is live" })).toBeVisible();
  const portal = await office.context().newPage();
  await portal.goto(tenantUrl(PRACTICE.slug));
  await expect(portal.getByRole("heading", { level: 1 })).toHaveText(PRACTICE.name);
  await expect(portal.getByRole("link", { name: /^Pay now/ })).toBeVisible();
  await expect(portal.getByText("Online payments aren't available right now")).toHaveCount(0);
  await portal.close();
});

test("the office imports a patient from CSV", async ({}, testInfo) => {
  const csv = testInfo.outputPath("patients.csv");
  await writeFile(
    csv,
    "PatNum,First Name,Last Name,Birthdate,Balance,Email\n" +
      `L-1,${PATIENT.firstName},${PATIENT.lastName},1980-05-06,75.00,lena.lakewood@example.com\n` +
      `L-2,${SECOND_PATIENT.firstName},${SECOND_PATIENT.lastName},1972-09-10,120.00,rosa.rivera@example.com\n`,
  );
  await importPatientsCsv(office, csv);
  await expect(office.getByText("2 rows read: 2 new, 0 updated, 0 unchanged.")).toBeVisible();
});

test("the patient's declined card shows Stripe Checkout's decline message and leaves the page open", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, ...mobile, ...patientFromAddress(31) });
  patient = await context.newPage();
  await patient.goto(tenantUrl(PRACTICE.slug));
  await patient.getByRole("link", { name: /^Pay now/ }).click();
  await fillIdentity(patient, PATIENT);
  await submitIdentity(patient);
  await expect(patient).toHaveURL(tenantUrl(PRACTICE.slug, "/pay/amount"), SLOW);
  await patient.getByLabel("Amount in US dollars").fill("40.00");
  await patient.getByRole("button", { name: "Continue to secure payment" }).click();

  await expect(patient).toHaveURL(STRIPE_HOSTED("checkout"), SLOW);
  await expect(patient.getByRole("heading", { level: 1, name: "Pay $40.00" })).toBeVisible();
  await payWithCard(patient, CARDS.declined);
  await expect(patient.getByRole("alert")).toHaveText("Your card was declined.", SLOW);
  await expect(patient).toHaveURL(STRIPE_HOSTED("checkout"));
  await expect(patient.getByRole("button", { name: "Pay", exact: true })).toBeVisible();
});

test("the patient pays with 4242 on Stripe Checkout and sees success and a receipt number", async () => {
  await payWithCard(patient, CARDS.ok);
  await expect(patient).toHaveURL(RESULT_PAGE, SLOW);
  expect(new URL(patient.url()).host).toBe(new URL(tenantUrl(PRACTICE.slug)).host);
  await expect(patient.getByRole("heading", { level: 1, name: "Thank you! Your payment went through." })).toBeVisible();
  const value = (term: string) => patient.locator("dt").filter({ hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]");
  await expect(value("Amount")).toHaveText("$40.00");
  await expect(value("Paid to")).toHaveText(PRACTICE.name);
  await expect(value("Receipt number")).toHaveText(/^CS-\d{8}$/);
  await expect(value("Card")).toHaveText("Visa ending in 4242");
});

test("another patient confirms a code in Spanish and pays their balance in full on Stripe Checkout", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, ...mobile, ...patientFromAddress(32) });
  const page = await context.newPage();
  try {
    await page.goto(tenantUrl(PRACTICE.slug));
    await page.getByRole("link", { name: "Español" }).click();
    await page.getByRole("link", { name: /^Ver mi saldo y pagar/ }).click();
    await fillIdentity(page, SECOND_PATIENT, "es");
    await submitIdentity(page, "es");
    await expect(page).toHaveURL(tenantUrl(PRACTICE.slug, "/verify/send"), SLOW);
    await expect(page.getByText("Correo r•••@example.com")).toBeVisible();
    await page.getByRole("button", { name: "Enviar mi código" }).click();
    await expect(page).toHaveURL(tenantUrl(PRACTICE.slug, "/verify/code"), SLOW);

    const mail = await readNewestEmail(page, "rosa.rivera@example.com", `Su código de ${PRACTICE.name}`);
    const code = /\b(\d{6})\b/.exec(mail)?.[1];
    expect(code, "the email carries a 6-digit code").toBeTruthy();
    await page.goto(tenantUrl(PRACTICE.slug, "/verify/code"));
    await page.getByLabel("Código de 6 dígitos").fill(code!);
    await page.getByRole("button", { name: "Comprobar código" }).click();
    await expect(page).toHaveURL(tenantUrl(PRACTICE.slug, "/balance"), SLOW);
    await expect(page.getByText("$120.00", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Pagar $120.00 completo" }).click();

    await expect(page).toHaveURL(STRIPE_HOSTED("checkout"), SLOW);
    await payWithCard(page, CARDS.ok);
    await expect(page).toHaveURL(RESULT_PAGE, SLOW);
    await expect(page.getByRole("heading", { level: 1, name: "¡Gracias! Su pago se realizó." })).toBeVisible();
  } finally {
    await context.close();
  }
});
