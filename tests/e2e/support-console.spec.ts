import { expect, test, type Page } from "@playwright/test";
import { createLiveDemoPractice, DEMO_PASSWORD, rootUrl, SLOW, tenantUrl, uniqueSlug } from "./support";

// Support issues a key, a new office claims it and goes live, support suspends the office (patients see
// "unavailable", the office sees why), lifts it (patients can pay again), and looks at it read-only.

test.describe.configure({ mode: "serial" });

const SUPPORT_EMAIL = "support@chairside.test";
const PRACTICE = { name: "Console Test Dental", slug: uniqueSlug("console"), clinicName: "Console Main" };
const UNAVAILABLE = "Online payments aren't available right now";

let support: Page;
let office: Page;
let patient: Page;

async function signInAsSupport(page: Page): Promise<void> {
  await page.goto("/sign-in?callbackUrl=%2Fsupport");
  const form = page.getByRole("form", { name: "Sign in with your password" });
  await form.getByLabel("Email", { exact: true }).fill(SUPPORT_EMAIL);
  await form.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/support$/, SLOW);
}

async function openPracticeInConsole(page: Page): Promise<void> {
  await page.goto(`/support/tenants?q=${PRACTICE.slug}`);
  await page.getByRole("link", { name: PRACTICE.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: PRACTICE.name })).toBeVisible(SLOW);
}

test.beforeAll(async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  support = await (await browser.newContext({ baseURL })).newPage();
  office = await (await browser.newContext({ baseURL })).newPage();
  patient = await (await browser.newContext({ baseURL })).newPage();
});

test.afterAll(async () => {
  for (const page of [support, office, patient]) await page?.context().close();
});

test("support issues a key and a new office claims it and goes live", async () => {
  test.setTimeout(120_000);
  await signInAsSupport(support);
  await support.goto("/support/keys");
  const issue = support.getByRole("form", { name: "Issue registration keys" });
  await issue.getByLabel("How many keys").fill("1");
  await issue.getByLabel("Note (optional)").fill(`For ${PRACTICE.name}`);
  await issue.getByRole("button", { name: "Issue keys" }).click();
  await expect(support.getByRole("status").filter({ hasText: "Issued 1 key." })).toBeVisible(SLOW);
  const key = (await support.getByRole("list", { name: "Issued keys" }).getByRole("listitem").first().textContent())!.trim();
  expect(key).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);

  await createLiveDemoPractice(office, PRACTICE, key);
  await patient.goto(tenantUrl(PRACTICE.slug, "/"));
  await expect(patient.getByText(PRACTICE.name).first()).toBeVisible();
  await expect(patient.getByText(UNAVAILABLE)).toHaveCount(0);

  // The console now shows the key as claimed by this practice.
  await support.goto(`/support/keys?q=${encodeURIComponent(key)}`);
  await expect(support.getByRole("link", { name: `${PRACTICE.name} (${PRACTICE.slug})` })).toBeVisible();
});

test("suspending the office closes its portal at once and lifting it reopens the portal", async () => {
  test.setTimeout(90_000);
  await openPracticeInConsole(support);
  const suspend = support.getByRole("form", { name: "Suspend practice" });
  await suspend.getByLabel("Reason for suspending").fill("Account under review");
  await suspend.getByRole("button", { name: "Suspend practice" }).click();
  await expect(support.getByRole("heading", { name: "Lift suspension" })).toBeVisible(SLOW);

  await patient.reload();
  await expect(patient.getByRole("heading", { name: UNAVAILABLE })).toBeVisible();
  await expect(patient.getByText(`${PRACTICE.name}'s online payment page is temporarily unavailable.`)).toBeVisible();

  await office.goto(rootUrl("/dashboard"));
  await expect(office.getByText("Your payment portal is suspended by Chairside support.")).toBeVisible();
  await expect(office.getByText("Reason: Account under review", { exact: false })).toBeVisible();

  const lift = support.getByRole("form", { name: "Lift suspension" });
  await lift.getByLabel("Reason for lifting").fill("Review finished");
  await lift.getByRole("button", { name: "Lift suspension" }).click();
  await expect(support.getByRole("heading", { name: "Suspend" })).toBeVisible(SLOW);

  await patient.reload();
  await expect(patient.getByText(UNAVAILABLE)).toHaveCount(0);
  await expect(patient.getByRole("main")).toBeVisible();
});

test("support views the office read-only with a banner, cannot change anything, and ends the view", async () => {
  test.setTimeout(60_000);
  await openPracticeInConsole(support);
  const start = support.getByRole("form", { name: "View as office" });
  await start.getByLabel("Why do you need to look?").fill("E2E: checking the settings page");
  await start.getByRole("button", { name: "Start read-only view" }).click();
  await expect(support).toHaveURL(/\/dashboard$/, SLOW);
  const banner = support.getByRole("status").filter({ hasText: `Viewing ${PRACTICE.name} as support — read-only` });
  await expect(banner).toBeVisible();

  await support.goto("/dashboard/settings");
  await expect(banner).toBeVisible();
  await support.getByLabel("Practice name").fill("Changed By Support");
  await support.getByRole("button", { name: "Save practice details" }).click();
  await expect(support.getByText("You are viewing this practice as support: it is read-only, so nothing was changed.")).toBeVisible(SLOW);

  await banner.getByRole("button", { name: "End view" }).click();
  await expect(support).toHaveURL(/\/support\/tenants\/[0-9a-f-]+$/, SLOW);
  await expect(support.getByRole("heading", { level: 1, name: PRACTICE.name })).toBeVisible();
  await expect(support.getByText("support-view.ended")).toBeVisible();
});

test("changing the web address makes the old host redirect to the same page on the new one", async () => {
  test.setTimeout(60_000);
  const newSlug = uniqueSlug("moved");
  await openPracticeInConsole(support);
  const change = support.getByRole("form", { name: "Change web address" });
  await change.getByLabel("New subdomain").fill(newSlug);
  await change.getByRole("button", { name: "Change web address" }).click();
  await expect(support.getByRole("status").filter({ hasText: `Web address changed to ${newSlug}` })).toBeVisible(SLOW);

  // The browser resolves *.localhost (Node's resolver doesn't), so follow the redirect there and inspect the hop.
  const landed = await patient.goto(tenantUrl(PRACTICE.slug, "/?ref=qr"));
  await expect(patient).toHaveURL(tenantUrl(newSlug, "/?ref=qr"));
  const hop = await landed!.request().redirectedFrom()!.response();
  expect(hop?.status()).toBe(308);
  expect(hop?.headers()["location"]).toBe(tenantUrl(newSlug, "/?ref=qr"));
  await patient.goto(tenantUrl(PRACTICE.slug, "/"));
  await expect(patient).toHaveURL(tenantUrl(newSlug, "/"));
  await expect(patient.getByText(PRACTICE.name).first()).toBeVisible();
});

test("every console page and download is an ordinary 404 for an office owner, and the downloads work for support", async () => {
  test.setTimeout(60_000);
  const paths = ["/support/tenants", "/support/keys", "/support/audit", "/support/staff", `/support/tenants/${crypto.randomUUID()}`, "/support/keys/export", "/support/audit/export"];
  for (const path of paths) {
    const response = await office.request.get(rootUrl(path), { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain("Support console");
  }
  const keys = await support.request.get(rootUrl("/support/keys/export?status=claimed"));
  expect(keys.status()).toBe(200);
  expect(keys.headers()["content-type"]).toContain("text/csv");
  expect((await keys.text()).split("\r\n")[0]).toBe("key,state,support_until,note,practice,subdomain,claimed_at,revoked_at,revoked_reason,issued_at");
  const audit = await support.request.get(rootUrl("/support/audit/export?kind=support"));
  expect(audit.status()).toBe(200);
  expect(await audit.text()).toContain("practice.suspended");
});
