import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { rootUrl } from "./support/urls";

// Team: the demo owner invites someone by email; the invitee follows the link from the dev outbox,
// creates an account, joins Bright Smiles as staff and sees no owner controls. Root host only.

const PASSWORD = "demo-password-1";
const OWNER_EMAIL = "owner@brightsmiles.test";
const STAFF_EMAIL = "staff@brightsmiles.test";
const PRACTICE = "Bright Smiles Dental";
// Signing in or up runs bcrypt (≈ 250 ms a hash, slower on a busy 2-core runner), then redirects.
const SLOW = { timeout: 15_000 };
const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true } as const;

function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  const form = page.getByRole("form", { name: "Sign in with your password" });
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/, SLOW);
}

/** Signs the demo owner in (in its own browser context) and invites `email` as `role`. */
async function ownerInvites(browser: Browser, email: string, role: "Staff" | "Owner" = "Staff") {
  const context = await browser.newContext({ baseURL: rootUrl("/") });
  const page = await context.newPage();
  await signIn(page, OWNER_EMAIL);
  await page.goto("/dashboard/team");
  const invite = page.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("Email address").fill(email);
  await invite.getByRole("radio", { name: new RegExp(`^${role}`) }).check();
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByRole("status")).toContainText(`Invitation sent to ${email}`, SLOW);
  await expect(page.getByRole("listitem", { name: `Invitation to ${email}` })).toContainText(role);
  return { context, page };
}

/** Fills the password sign-up form (the page also offers a link sign-up with its own name and email fields). */
async function createAccount(page: Page, name: string, email: string) {
  const form = page.getByRole("form", { name: "Create your account" });
  await form.getByLabel("Your name").fill(name);
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Password", { exact: true }).fill("a-long-enough-password");
  await form.getByRole("button", { name: "Create account" }).click();
}

/** Opens the newest invitation email to `to` in the dev outbox and follows its link. */
async function followInvitationLink(page: Page, to: string) {
  await page.goto(rootUrl("/dev/outbox"));
  await page.getByRole("link").filter({ hasText: `To ${to}` }).filter({ hasText: `invited you to ${PRACTICE}` }).first().click();
  await page.getByRole("link", { name: /\/invite\/[A-Za-z0-9_-]{43}$/ }).first().click();
  await expect(page).toHaveURL(/\/invite\/[A-Za-z0-9_-]{43}$/);
}

test("an invited person creates an account from the emailed link, joins as staff and sees no owner controls", async ({ browser, page }) => {
  // Two bcrypt sign-ins, two axe scans and a dozen pages on a 2-core runner.
  test.setTimeout(60_000);
  const email = uniqueEmail("invitee");
  const owner = await ownerInvites(browser, email);

  await followInvitationLink(page, email);
  const invitation = page.url();
  await expect(page.getByRole("heading", { level: 1, name: `Join ${PRACTICE}` })).toBeVisible();
  await expect(page.getByText(`invited ${email} to join ${PRACTICE} as staff`)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/sign-up\?callbackUrl=%2Finvite%2F/);
  await createAccount(page, "Ivy Invitee", email);

  // Back on the invitation, signed in with the invited address.
  await expect(page).toHaveURL(invitation, SLOW);
  await page.getByRole("button", { name: `Join ${PRACTICE}` }).click();
  await expect(page).toHaveURL(/\/dashboard$/, SLOW);
  await expect(page.getByRole("heading", { level: 1, name: PRACTICE })).toBeVisible();
  await expect(page.getByText("Staff", { exact: true })).toBeVisible();

  await page.goto("/dashboard/team");
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Ivy Invitee" })).toContainText("Staff");
  await expect(page.getByRole("listitem", { name: "Olivia Owner" })).toContainText("Owner");
  await expect(page.getByText("Only an owner can invite people or change the team.")).toBeVisible();
  await expect(page.getByRole("form", { name: "Invite someone" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Save/ })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByText(/^(Remove|Leave practice)/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);

  // The link is spent: following it again says so.
  await page.goto(invitation);
  await expect(page.getByRole("heading", { level: 1, name: "This invitation has already been used" })).toBeVisible();
  await expect(page.getByText(`You're already a member of ${PRACTICE}.`)).toBeVisible();

  // The owner sees the new member, and the invitation is no longer waiting.
  await owner.page.reload();
  await expect(owner.page.getByRole("listitem", { name: "Ivy Invitee" })).toContainText("Staff");
  await expect(owner.page.getByRole("listitem", { name: `Invitation to ${email}` })).toHaveCount(0);
  await expectNoAxeViolations(owner.page);
  await owner.context.close();
});

test("the owner changes a member's role and removes them after confirming", async ({ browser, page }) => {
  test.setTimeout(60_000);
  const email = uniqueEmail("short-stay");
  const owner = await ownerInvites(browser, email);
  await followInvitationLink(page, email);
  await page.getByRole("link", { name: "Create an account" }).click();
  await createAccount(page, "Shay Shortstay", email);
  await page.getByRole("button", { name: `Join ${PRACTICE}` }).click(SLOW);
  await expect(page).toHaveURL(/\/dashboard$/, SLOW);

  const ownerPage = owner.page;
  await ownerPage.reload();
  const member = ownerPage.getByRole("listitem", { name: "Shay Shortstay" });
  await member.getByLabel("Role for Shay Shortstay").selectOption("owner");
  await member.getByRole("button", { name: "Save role for Shay Shortstay" }).click();
  await expect(member.getByRole("status")).toHaveText("Saved: now Owner.", SLOW);

  await member.locator("summary", { hasText: "Remove" }).click();
  await member.getByRole("button", { name: "Remove Shay Shortstay" }).click();
  await expect(member.getByText("Tick the box to confirm.")).toBeVisible(SLOW);
  await member.getByLabel(/Remove Shay Shortstay from/).check();
  await member.getByRole("button", { name: "Remove Shay Shortstay" }).click();
  await expect(ownerPage.getByRole("listitem", { name: "Shay Shortstay" })).toHaveCount(0, SLOW);
  await owner.context.close();

  // The removed member has lost access to the practice at once.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard\/new-practice$/, SLOW);
});

test.describe("on a 375 px phone", () => {
  test.use(PHONE);

  test("someone signed in with another email is told so and can sign out back to the invitation", async ({ browser, page }) => {
    test.setTimeout(60_000);
    const email = uniqueEmail("mismatch");
    const owner = await ownerInvites(browser, email);
    await owner.context.close();
    await signIn(page, STAFF_EMAIL);
    await followInvitationLink(page, email);
    const invitation = page.url();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This invitation is for a different email address.");
    await expect(page.getByRole("main").getByRole("alert")).toContainText(`You're signed in as ${STAFF_EMAIL}`);
    await expect(page.getByRole("button", { name: /^Join/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(invitation, SLOW);
    await expect(page.getByRole("link", { name: "Sign in", exact: true })).toHaveAttribute("href", /\/sign-in\?callbackUrl=%2Finvite%2F/);
    await expect(page.getByRole("link", { name: "Create an account" })).toBeVisible();
  });

  test("an unknown or withdrawn invitation link gets a clear page", async ({ browser, page }) => {
    test.setTimeout(60_000);
    await page.goto(`/invite/${"A".repeat(43)}`);
    await expect(page.getByRole("heading", { level: 1, name: "This invitation link doesn't work" })).toBeVisible();
    await expectNoAxeViolations(page);

    const email = uniqueEmail("withdrawn");
    const owner = await ownerInvites(browser, email);
    await followInvitationLink(page, email);
    const invitation = page.url();
    await owner.page.getByRole("listitem", { name: `Invitation to ${email}` }).getByRole("button", { name: `Revoke invitation to ${email}` }).click();
    await expect(owner.page.getByRole("listitem", { name: `Invitation to ${email}` })).toHaveCount(0, SLOW);
    await owner.context.close();

    await page.goto(invitation);
    await expect(page.getByRole("heading", { level: 1, name: "This invitation was withdrawn" })).toBeVisible();
    await expect(page.getByText(`${PRACTICE} withdrew this invitation`)).toBeVisible();
  });

  test("the owner's team page fits the phone", async ({ page }) => {
    await signIn(page, OWNER_EMAIL);
    await page.goto("/dashboard/team");
    await expect(page.getByRole("heading", { level: 2, name: "Invite someone" })).toBeVisible();
    await expectNoAxeViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
