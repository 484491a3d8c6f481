import { expect, test, type Page } from "@playwright/test";
import { DEMO_OWNER_EMAIL, expectNoAxeViolations, mobile, rootUrl, signIn, SLOW, tenantUrl } from "./support";

// The unsubscribe link every Message-to-Pay email carries: the office emails a patient, the app's queue worker
// delivers it to the dev outbox with the footer link, and the patient (Spanish-speaking, on a phone) unsubscribes.

// Seeded patient #1007 (db/seed.ts): Michael Thomas, whom no other spec pays (patient-pay.spec.ts pays Maria's
// balance off) and whose balance is under the bulk test's $800, so its batch is unaffected.
const PATIENT = { id: "1007", name: "Thomas, Michael", email: "michael.thomas6@example.com" };
const UNSUBSCRIBE = /http:\/\/bright-smiles\.localhost:\d+\/u\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;
const SUBJECT = "Statement with an unsubscribe link";

async function outboxText(page: Page, to: string, text: string): Promise<string> {
  const entry = page.getByRole("link").filter({ hasText: `To ${to}` }).filter({ hasText: text }).first();
  await expect(async () => {
    await page.goto(rootUrl("/dev/outbox"));
    await expect(entry).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  await entry.click();
  // The list page has an h1 too: wait for the message's own heading before reading the page.
  await expect(page.getByRole("heading", { level: 1, name: text })).toBeVisible();
  return page.getByRole("main").innerText();
}

test("a patient unsubscribes from the link in a Message-to-Pay email, on a Spanish-language phone", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO_OWNER_EMAIL);
  await page.goto(rootUrl(`/dashboard/patients?q=${PATIENT.id}`));
  await page.getByRole("link", { name: PATIENT.name }).click();
  const panel = page.getByRole("form", { name: "Send Message-to-Pay" });
  // Email only: texts may be waiting for the end of quiet hours.
  await panel.getByRole("checkbox", { name: /^Text message/ }).uncheck();
  await panel.getByLabel("Email subject").fill(SUBJECT);
  await panel.getByRole("button", { name: "Send Message-to-Pay" }).click();
  await expect(panel.getByRole("status")).toContainText("Message-to-Pay queued", SLOW);

  const email = await outboxText(page, PATIENT.email, SUBJECT);
  const link = UNSUBSCRIBE.exec(email)?.[0];
  expect(link, "the email carries an unsubscribe link").toBeTruthy();

  const phone = await browser.newContext({ ...mobile, locale: "es-US" });
  const patient = await phone.newPage();
  await patient.goto(link!);
  await expect(patient.getByRole("heading", { level: 1, name: "Cancelar la suscripción a los correos" })).toBeVisible();
  // The address is masked: a forwarded link doesn't reveal it.
  await expect(patient.getByRole("main")).toContainText("m•••@example.com");
  await expect(patient.getByRole("main")).not.toContainText(PATIENT.email);
  await expectNoAxeViolations(patient);
  await patient.getByRole("button", { name: "Cancelar suscripción" }).click();
  await expect(patient.getByRole("heading", { level: 1, name: "Se canceló su suscripción" })).toBeVisible(SLOW);
  await expect(patient.getByRole("status")).toContainText("ya no le enviará solicitudes de pago");

  // Opening the link again says so; a mail client's one-click POST is answered 200.
  await patient.goto(link!);
  await expect(patient.getByRole("heading", { level: 1, name: "Se canceló su suscripción" })).toBeVisible();
  // From the page (same host; Node's resolver doesn't know *.localhost, Chromium does).
  const oneClick = await patient.evaluate(
    (url) => fetch(url, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }).then((r) => r.status),
    `${link}/one-click`,
  );
  expect(oneClick).toBe(200);
  await phone.close();
});

test("a tampered unsubscribe link says it doesn't work", async ({ page }) => {
  await page.goto(tenantUrl("bright-smiles", "/u/not-a-token.AAAA"));
  await expect(page.getByRole("heading", { level: 1, name: "This unsubscribe link doesn't work" })).toBeVisible();
});
