import { writeFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_KEYS, expectHydrated, fillPracticeForm, importPatientsCsv, keyForAttempt, rootUrl, SLOW, signUp, submitPracticeForm, tenantUrl, uniqueEmail, uniqueSlug } from "./support";

// A new office, on a 375 px wide phone, goes from sign-up to a live portal on the demo processor:
// practice form with the live web-address check, the checklist, the registration key (typos caught
// in the browser), the processor, the portal link, and a patients CSV import. One signed-in page is
// shared by the steps, in order.

test.describe.configure({ mode: "serial" });

const PRACTICE = { name: "Harbor Family Dental", slug: uniqueSlug("harbor"), clinicName: "Harbor Main Street" };
const PHONE_375 = { width: 375, height: 812 };

let page: Page;

async function expectNoSidewaysScroll(p: Page): Promise<void> {
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${p.url()} is wider than the 375 px screen`).toBeLessThanOrEqual(0);
}

test.beforeAll(async ({ browser }, testInfo) => {
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: PHONE_375,
    // The Copy buttons use the async clipboard API; the test reads the clipboard back.
    permissions: ["clipboard-read", "clipboard-write"],
  });
  page = await context.newPage();
});

test.afterAll(async () => {
  await page?.context().close();
});

test("a new user signs up and is sent to set up a practice", async () => {
  await signUp(page, "Hana Harbor", uniqueEmail("harbor-owner"));
  await expect(page.getByRole("heading", { level: 1, name: "Set up your practice" })).toBeVisible();
  await expectNoSidewaysScroll(page);
});

test("the web address check says a free subdomain is available and explains a taken or reserved one", async () => {
  const slug = page.getByLabel("Web address for patients");
  await expectHydrated(slug);

  await slug.fill("bright-smiles");
  await expect(slug).toHaveAccessibleDescription(/That web address is taken\. Please choose another\./);
  await expect(slug).toHaveAttribute("aria-invalid", "true");

  await slug.fill("support");
  await expect(slug).toHaveAccessibleDescription(/That name is reserved\. Please choose another\./);

  await slug.fill(PRACTICE.slug);
  const host = new URL(tenantUrl(PRACTICE.slug)).host;
  await expect(page.getByText(`✓ ${host} is available.`)).toBeVisible();
  await expect(slug).not.toHaveAttribute("aria-invalid", "true");
});

test("keyboard focus is visible on the practice form", async () => {
  // Clicking the heading puts the keyboard's starting point just before the form.
  await page.getByRole("heading", { level: 1, name: "Set up your practice" }).click();
  await page.keyboard.press("Tab");
  const name = page.getByLabel("Practice name");
  await expect(name).toBeFocused();
  const ring = await name.evaluate((el) => getComputedStyle(el));
  expect(ring.outlineStyle).toBe("solid");
  expect(parseFloat(ring.outlineWidth)).toBeGreaterThanOrEqual(2);

  // The web-address box draws its ring around the whole "https://… .localhost" group, not the bare input.
  await page.keyboard.press("Tab");
  const slug = page.getByLabel("Web address for patients");
  await expect(slug).toBeFocused();
  const groupRing = await slug.evaluate((el) => getComputedStyle(el.parentElement!));
  expect(groupRing.outlineStyle).toBe("solid");
  expect(parseFloat(groupRing.outlineWidth)).toBeGreaterThanOrEqual(2);
});

test("creating the practice shows the setup checklist with the registration key as the next step", async () => {
  await fillPracticeForm(page, PRACTICE);
  await submitPracticeForm(page, PRACTICE);
  const checklist = page.getByRole("region", { name: "Set up online payments" });
  await expect(checklist).toBeVisible();
  const current = checklist.getByRole("listitem").filter({ hasText: "Enter your registration key" });
  await expect(current).toHaveAttribute("aria-current", "step");
  await expect(current.getByRole("link", { name: "Enter key" })).toBeVisible();
  await expect(checklist.getByRole("listitem").filter({ hasText: "Connect your card processor" })).not.toHaveAttribute("aria-current", "step");
  await expectNoSidewaysScroll(page);
});

test("a mistyped registration key is caught in the browser without asking the server", async () => {
  await page.getByRole("link", { name: "Enter key" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registration key" })).toBeVisible();
  const posts: string[] = [];
  const onRequest = (r: { method(): string; url(): string }) => {
    if (r.method() === "POST") posts.push(r.url());
  };
  page.on("request", onRequest);
  const key = page.getByLabel("Registration key");
  await expectHydrated(key);
  // Two neighbours swapped ("…-678U" → "…-687U"): the check character catches it.
  await key.fill(DEMO_KEYS.A.replace("678U", "687U"));
  await key.press("Enter");
  await expect(key).toHaveAccessibleDescription(/That key has a typo: one of the characters is wrong or two are swapped\./);
  await expect(key).toHaveAttribute("aria-invalid", "true");
  await expect(key).toBeFocused();
  page.off("request", onRequest);
  expect(posts, "a typo'd key must not be sent").toEqual([]);
});

test("a valid demo key is accepted", async () => {
  const key = keyForAttempt(DEMO_KEYS.A, DEMO_KEYS.C);
  await page.getByLabel("Registration key").fill(key);
  await page.getByRole("button", { name: "Use this key" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Key accepted. Your practice is on support." })).toBeVisible(SLOW);
  await page.reload();
  await expect(page.getByText(key, { exact: true })).toBeVisible();
});

test("the owner connects the demo processor, which says it moves no real money", async () => {
  await page.getByRole("link", { name: "Card processor" }).click();
  const demo = page.getByRole("region", { name: "Demo processor (no real cards)" });
  await expect(demo.getByText(/^Demo — no real money\./)).toBeVisible();
  await demo.getByRole("button", { name: "Connect the demo processor" }).click();
  // The page turns into the connected processor's status as soon as the action has run.
  const status = page.getByRole("region", { name: "Demo processor: Ready" });
  await expect(status).toBeVisible(SLOW);
  await page.reload();
  await expect(status).toBeVisible();
  await expect(status.getByText("Demo — no real money.", { exact: true })).toBeVisible();
  await expect(status.getByRole("definition").first()).toHaveText("Yes");
});

test("copying the portal link says Copied and puts the practice's link on the clipboard", async () => {
  await page.getByRole("link", { name: "Portal link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your portal link" })).toBeVisible();
  const link = page.getByRole("region", { name: PRACTICE.clinicName });
  await expect(link.getByLabel("Link for your website, emails and statements")).toHaveValue(tenantUrl(PRACTICE.slug));

  // Copying also records (in the background) that the link was shared: wait for that to land.
  const copy = link.getByRole("button", { name: "Copy" }).first();
  await expectHydrated(copy);
  const shared = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/dashboard/portal-link");
  await copy.click();
  await expect(link.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect((await shared).ok()).toBe(true);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(tenantUrl(PRACTICE.slug));
  await expectNoSidewaysScroll(page);
});

test("the portal link opens the practice's own live payment page", async () => {
  const [portal] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("link", { name: "Open as a patient (new tab)" }).click()]);
  await portal.waitForLoadState();
  expect(portal.url()).toBe(tenantUrl(PRACTICE.slug));
  await expect(portal.getByRole("heading", { level: 1 })).toHaveText(PRACTICE.name);
  await expect(portal.getByRole("link", { name: /Pay now/ })).toBeVisible();
  await expect(portal.getByText("Online payments aren't available right now")).toHaveCount(0);
  await portal.close();
});

test("once the link is shared the checklist is gone and the dashboard says the portal is live", async () => {
  await page.goto(rootUrl("/dashboard"));
  await expect(page.getByRole("heading", { level: 1, name: PRACTICE.name })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your portal is live" })).toBeVisible();
  await expect(page.getByRole("link", { name: tenantUrl(PRACTICE.slug) })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Set up online payments" })).toHaveCount(0);
});

test("importing a patients CSV reports the bad row by its line number and adds the good ones", async ({}, testInfo) => {
  const csv = testInfo.outputPath("patients.csv");
  await writeFile(
    csv,
    [
      "PatNum,First Name,Last Name,Birthdate,Balance,Email",
      "H-100,Quinn,Harbor,1990-02-03,120.00,quinn.harbor@example.com",
      "H-101,Rosa,Notadate,1990-13-45,10.00,",
      "H-102,Theo,Lighthouse,07/21/1971,0,",
    ].join("\n"),
  );
  await importPatientsCsv(page, csv);
  const report = page.getByRole("status").filter({ has: page.getByRole("heading", { name: "Import finished" }) });
  await expect(report).toContainText("3 rows read: 2 new, 0 updated, 0 unchanged, 1 not imported.");
  const problems = report.getByRole("table");
  await expect(problems.getByRole("row")).toHaveCount(2);
  const bad = problems.getByRole("row").nth(1);
  await expect(bad.getByRole("cell").nth(0)).toHaveText("3");
  await expect(bad.getByRole("cell").nth(1)).toHaveText("birthdate");
  await expect(bad.getByRole("cell").nth(2)).toHaveText("Enter the birthdate as YYYY-MM-DD or MM/DD/YYYY.");
  await expectNoSidewaysScroll(page);

  await page.goto(rootUrl("/dashboard/patients"));
  await expect(page.getByText("2 patients", { exact: true })).toBeVisible();
  await page.getByLabel("Search by name, patient id or phone").fill("Quinn");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]q=Quinn/);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Harbor, Quinn" }) });
  await expect(row).toContainText("H-100");
  await expect(row).toContainText("$120.00");

  await page.getByLabel("Search by name, patient id or phone").fill("Notadate");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No patients match.")).toBeVisible();
});
