import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import {
  createLiveDemoPractice,
  DEMO_KEYS,
  DEMO_OWNER_EMAIL,
  fillIdentity,
  keyForAttempt,
  LINDA,
  patientFromAddress,
  rootUrl,
  signIn,
  SLOW,
  submitIdentity,
  tenantUrl,
  uniqueSlug,
} from "./support";

// A second practice, live on the same installation, must see nothing of the demo practice: not its
// payments, patients or QR codes in the dashboard, and not its patients' sessions on its own host.

test.describe.configure({ mode: "serial" });

const DEMO_SLUG = "bright-smiles";
const OTHER = { name: "Rival Dental Studio", slug: uniqueSlug("rival"), clinicName: "Rival Uptown" };
const SESSION_ENDED = "Your session has ended to keep your information safe. Please start again.";

let demoPatientPath = "";
let demoPaymentPath = "";
let patient: BrowserContext;
let other: Page;

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const baseURL = testInfo.project.use.baseURL;

  // A demo patient starts Pay now and goes as far as the hosted checkout: that makes a (pending)
  // payment in the demo practice and leaves a patient session cookie on bright-smiles' host.
  patient = await browser.newContext({ baseURL, ...patientFromAddress(21) });
  const pay = await patient.newPage();
  await pay.goto(tenantUrl(DEMO_SLUG, "/pay"));
  await fillIdentity(pay, LINDA);
  await submitIdentity(pay);
  await expect(pay).toHaveURL(tenantUrl(DEMO_SLUG, "/pay/amount"), SLOW);
  await pay.getByLabel("Amount in US dollars").fill("12.00");
  await pay.getByRole("button", { name: "Continue to secure payment" }).click();
  await expect(pay).toHaveURL(/\/demo-checkout\//, SLOW);
  await pay.close();

  // The demo owner reads the ids of one of their patients and one of their payments from links.
  const demoOwner = await browser.newContext({ baseURL });
  const owner = await demoOwner.newPage();
  await signIn(owner, DEMO_OWNER_EMAIL);
  await owner.goto(rootUrl("/dashboard/patients"));
  demoPatientPath = (await owner.getByRole("link", { name: "Johnson, Linda" }).getAttribute("href")) ?? "";
  await owner.goto(rootUrl("/dashboard/payments"));
  demoPaymentPath = (await owner.getByRole("row").filter({ hasText: "Johnson, Linda" }).first().getByRole("link").getAttribute("href")) ?? "";
  expect(demoPatientPath).toMatch(/^\/dashboard\/patients\/[0-9a-f-]{36}$/);
  expect(demoPaymentPath).toMatch(/^\/dashboard\/payments\/[0-9a-f-]{36}$/);
  // The demo owner can open both: the 404s below are about who asks, not about the ids.
  expect((await owner.goto(rootUrl(demoPaymentPath)))?.status()).toBe(200);
  await expect(owner.getByRole("heading", { level: 1, name: "$12.00" })).toBeVisible();
  await demoOwner.close();

  // A second office signs up and goes live on the demo processor.
  const otherContext = await browser.newContext({ baseURL });
  other = await otherContext.newPage();
  await createLiveDemoPractice(other, OTHER, keyForAttempt(DEMO_KEYS.B, DEMO_KEYS.D));
});

test.afterAll(async () => {
  await patient?.close();
  await other?.context().close();
});

test("another practice's owner gets a 404 for the demo practice's payment", async () => {
  const response = await other.goto(rootUrl(demoPaymentPath));
  expect(response?.status()).toBe(404);
  await expect(other.getByText("$12.00")).toHaveCount(0);
  await expect(other.getByText("Johnson")).toHaveCount(0);
});

test("another practice's owner gets a 404 for the demo practice's patient", async () => {
  const response = await other.goto(rootUrl(demoPatientPath));
  expect(response?.status()).toBe(404);
  await expect(other.getByText("Johnson")).toHaveCount(0);
});

test("another practice's owner gets a 404 for the demo practice's clinic QR code and their own QR code otherwise", async () => {
  const theirs = await other.request.get(rootUrl("/api/dashboard/qr?clinic=downtown&format=svg"));
  expect(theirs.status()).toBe(404);
  expect(await theirs.text()).not.toContain("<svg");

  const own = await other.request.get(rootUrl("/api/dashboard/qr?format=svg"));
  expect(own.status()).toBe(200);
  expect(own.headers()["content-disposition"]).toBe(`attachment; filename="${OTHER.slug}-qr.svg"`);
  expect(await own.text()).toContain("<svg");
});

test("another practice's owner sees only their own, still empty, payments and patients", async () => {
  await other.goto(rootUrl("/dashboard/payments"));
  await expect(other.getByText("No payments match.")).toBeVisible();
  await expect(other.getByRole("row")).toHaveCount(0);

  await other.goto(rootUrl("/dashboard/patients?q=Johnson"));
  await expect(other.getByText("No patients match.")).toBeVisible();
  await other.goto(rootUrl("/dashboard/patients"));
  await expect(other.getByText(/^No patients match\./)).toBeVisible();
});

test("a patient session from bright-smiles does not work on another practice's host", async () => {
  const page = await patient.newPage();
  // The session is live on its own practice's host...
  await page.goto(tenantUrl(DEMO_SLUG, "/pay/amount"));
  await expect(page.getByRole("heading", { level: 1, name: "How much would you like to pay?" })).toBeVisible();

  // ...but the other practice's host (live, so it would take payments) doesn't know it.
  await page.goto(tenantUrl(OTHER.slug, "/pay/amount"));
  await expect(page.getByRole("status")).toHaveText(SESSION_ENDED);
  await expect(page.getByLabel("Amount in US dollars")).toHaveCount(0);

  // The browser keeps the cookie to its own host; even carried across by hand, the server refuses it.
  const cookies = await patient.cookies(tenantUrl(DEMO_SLUG));
  const session = cookies.find((c) => c.name === "cs_ps");
  expect(session, "Pay now left a patient session cookie").toBeDefined();
  await patient.addCookies([{ name: session!.name, value: session!.value, url: tenantUrl(OTHER.slug) }]);
  await page.goto(tenantUrl(OTHER.slug, "/pay/amount"));
  await expect(page.getByRole("status")).toHaveText(SESSION_ENDED);
  await expect(page.getByLabel("Amount in US dollars")).toHaveCount(0);
  await page.close();
});
