import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, mobile } from "./support";

// Sign-in, sign-up, magic link and the guards, on the root host against the seeded demo practice.

const PASSWORD = "demo-password-1";
const OWNER_EMAIL = "owner@brightsmiles.test";
const SUPPORT_EMAIL = "support@chairside.test";
const PRACTICE = "Bright Smiles Dental";

// Signing in or up runs bcrypt (≈ 250 ms a hash, slower on a busy 2-core runner), then redirects.
const SLOW = { timeout: 15_000 };

function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

function passwordForm(page: Page) {
  return page.getByRole("form", { name: "Sign in with your password" });
}

async function signInWithPassword(page: Page, email: string, password: string) {
  const form = passwordForm(page);
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Password", { exact: true }).fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
}

// The password form; the page also offers sign-up by emailed link, with its own name and email fields.
function signUpForm(page: Page) {
  return page.getByRole("form", { name: "Create your account" });
}

async function signUp(page: Page, name: string, email: string, password: string) {
  await page.goto("/sign-up");
  const form = signUpForm(page);
  await form.getByLabel("Your name").fill(name);
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Password", { exact: true }).fill(password);
  await form.getByRole("button", { name: "Create account" }).click();
}

test("the demo owner signs in with a password and sees their practice on the dashboard", async ({ page }) => {
  await page.goto("/sign-in");
  await signInWithPassword(page, OWNER_EMAIL, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/, SLOW);
  await expect(page.getByRole("heading", { level: 1, name: PRACTICE })).toBeVisible();
  await expect(page.getByText("Owner", { exact: true })).toBeVisible();
});

test("a wrong password shows an error, keeps the email and does not sign in", async ({ page }) => {
  await page.goto("/sign-in");
  await signInWithPassword(page, OWNER_EMAIL, "not-the-password");
  await expect(passwordForm(page).getByRole("alert")).toHaveText("Wrong email or password.", SLOW);
  await expect(page).toHaveURL(/\/sign-in/, SLOW);
  await expect(passwordForm(page).getByLabel("Email", { exact: true })).toHaveValue(OWNER_EMAIL);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/, SLOW);
});

test("a new user signs up and lands on practice setup, signed in", async ({ page }) => {
  const email = uniqueEmail("signup");
  await signUp(page, "Nora New", email, "a-long-enough-password");
  await expect(page).toHaveURL(/\/dashboard\/new-practice$/, SLOW);
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.user?.email).toBe(email);
});

test("sign-up shows the password rule up front and puts a duplicate email's message at the field", async ({ page }) => {
  await page.goto("/sign-up");
  const password = page.getByLabel("Password", { exact: true });
  await expect(password).toHaveAccessibleDescription("At least 10 characters.");
  await signUp(page, "Someone Else", OWNER_EMAIL, "a-long-enough-password");
  const email = signUpForm(page).getByLabel("Email", { exact: true });
  await expect(email).toHaveAttribute("aria-invalid", "true", SLOW);
  await expect(email).toHaveAccessibleDescription(/An account with this email already exists/);
  await expect(page).toHaveURL(/\/sign-up$/, SLOW);
});

test("a sign-in link from the outbox signs the user in", async ({ page }) => {
  await page.goto("/sign-in");
  const form = page.getByRole("form", { name: "Or get a sign-in link by email" });
  await form.getByLabel("Email", { exact: true }).fill(OWNER_EMAIL);
  await form.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email/, SLOW);
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();

  // The outbox lists newest first, so the first sign-in email to the owner is the one just sent.
  await page.goto("/dev/outbox");
  await page.getByRole("link").filter({ hasText: OWNER_EMAIL }).filter({ hasText: "Your Chairside sign-in link" }).first().click();
  await page.getByRole("link", { name: /\/api\/auth\/callback\/email\?/ }).first().click();

  await expect(page).toHaveURL(/\/dashboard$/, SLOW);
  await expect(page.getByRole("heading", { level: 1, name: PRACTICE })).toBeVisible();
});

test("an anonymous visitor to /dashboard is sent to sign in, and back to the dashboard afterwards", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/, SLOW);
  await signInWithPassword(page, OWNER_EMAIL, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/, SLOW);
});

test("signing out ends the session", async ({ page }) => {
  await page.goto("/sign-in");
  await signInWithPassword(page, OWNER_EMAIL, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/, SLOW);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/, SLOW);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/, SLOW);
});

test("an office owner gets an ordinary 404 for the support console", async ({ page }) => {
  await page.goto("/sign-in");
  await signInWithPassword(page, OWNER_EMAIL, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/, SLOW);
  const response = await page.goto("/support");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Support console")).toHaveCount(0);
});

test("an anonymous visitor gets the same 404 for the support console", async ({ page }) => {
  const response = await page.goto("/support");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveURL(/\/support$/, SLOW);
});

test("a support user sees the support console", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=%2Fsupport");
  await signInWithPassword(page, SUPPORT_EMAIL, PASSWORD);
  await expect(page).toHaveURL(/\/support$/, SLOW);
  await expect(page.getByRole("heading", { level: 1, name: "Support console" })).toBeVisible();
});

test.describe("on a phone", () => {
  test.use(mobile);

  test("the sign-in and sign-up pages pass axe-core, also while showing errors", async ({ page }) => {
    await page.goto("/sign-in?error=Verification");
    await expect(page.getByText("That sign-in link has expired or has already been used.")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/sign-up");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(signUpForm(page).getByLabel("Your name")).toHaveAccessibleDescription("Enter your name.", SLOW);
    await expectNoAxeViolations(page);
  });
});
