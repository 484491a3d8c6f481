import { expect, test, type Page } from "@playwright/test";
import {
  CARDS,
  DEMO_OWNER_EMAIL,
  expectNoAxeViolations,
  fillIdentity,
  JOSE,
  MARIA,
  mobile,
  MONEY,
  patientFromAddress,
  payWithCard,
  readNewestEmail,
  rootUrl,
  signIn,
  SLOW,
  submitIdentity,
  tenantUrl,
} from "./support";

// Patients of the demo practice pay on a phone: Pay now (no code), Pay and Verify (code by email,
// balance, pay in full), in English and Spanish, on the demo processor's hosted checkout. Then the
// office sees the payment, marks it posted and refunds part of it.

const SLUG = "bright-smiles";
const PRACTICE = "Bright Smiles Dental";
const RECEIPT_NUMBER = /^CS-\d{8}$/;
const DEMO_CHECKOUT = /^http:\/\/localhost:\d+\/demo-checkout\//;
const RESULT_PAGE = /\/pay\/result\?payment=[0-9a-f-]{36}$/;

test.use(mobile);

/** The receipt's line for `term` on the result page (a description list). */
function receiptValue(page: Page, term: string) {
  return page.locator("dt").filter({ hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]");
}

/** An alert with this text. Next's route announcer is an (empty) alert too, so alerts are picked by text. */
function alertWith(page: Page, text: string) {
  return page.getByRole("alert").filter({ hasText: text });
}

/** An amount on its own, like the balance: "$1,180.00". */
const AMOUNT_ALONE = new RegExp(`^${MONEY.source}$`);

async function openLanding(page: Page): Promise<void> {
  await page.goto(tenantUrl(SLUG));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PRACTICE);
}

test.describe("Pay now as Maria", () => {
  test.describe.configure({ mode: "serial" });
  test.use(patientFromAddress(11));

  let receiptNumber = "";

  test("Maria pays $25.50 after a declined card and sees her receipt", async ({ page }) => {
    await openLanding(page);
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: /^Pay now/ }).click();
    await expect(page).toHaveURL(tenantUrl(SLUG, "/pay"));
    await expect(page.getByRole("heading", { level: 1, name: "Pay now" })).toBeVisible();
    await expectNoAxeViolations(page);
    await fillIdentity(page, MARIA);
    await submitIdentity(page);

    await expect(page).toHaveURL(tenantUrl(SLUG, "/pay/amount"), SLOW);
    await expect(page.getByRole("heading", { level: 1, name: "How much would you like to pay?" })).toBeVisible();
    await expect(page.getByText("For Maria")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Amount in US dollars").fill("25.50");
    await page.getByRole("button", { name: "Continue to secure payment" }).click();

    await expect(page).toHaveURL(DEMO_CHECKOUT, SLOW);
    await expect(page.getByText("Demo payment — no real money")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: `Pay ${PRACTICE}` })).toBeVisible();
    await payWithCard(page, CARDS.declined);
    await expect(alertWith(page, "Your card was declined.")).toBeVisible(SLOW);
    await expect(page.getByLabel("Card number")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(DEMO_CHECKOUT);

    await payWithCard(page, CARDS.ok);
    await expect(page).toHaveURL(RESULT_PAGE, SLOW);
    expect(new URL(page.url()).host).toBe(new URL(tenantUrl(SLUG)).host);
    await expect(page.getByRole("heading", { level: 1, name: "Thank you! Your payment went through." })).toBeVisible();
    await expect(receiptValue(page, "Amount")).toHaveText("$25.50");
    await expect(receiptValue(page, "Paid to")).toHaveText(PRACTICE);
    await expect(receiptValue(page, "Card")).toHaveText("Visa ending in 4242");
    await expect(receiptValue(page, "Receipt number")).toHaveText(RECEIPT_NUMBER);
    receiptNumber = (await receiptValue(page, "Receipt number").innerText()).trim();
    await expectNoAxeViolations(page);
  });

  test("the receipt email for Maria's payment is in the outbox", async ({ page }) => {
    const text = await readNewestEmail(page, MARIA.email, `Your payment receipt from ${PRACTICE}`);
    expect(text).toContain(receiptNumber);
    expect(text).toContain("$25.50");
    expect(text).toContain("Visa ending in 4242");
  });

  test("the owner sees Maria's payment to post, marks it posted and refunds part of it", async ({ browser }, testInfo) => {
    // The office works at a desk, signed in on the root host: its own context, not the patient's phone
    // (browser.newContext() would otherwise take this file's phone settings).
    const office = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: { width: 1280, height: 720 }, isMobile: false, hasTouch: false });
    const page = await office.newPage();
    try {
      await signIn(page, DEMO_OWNER_EMAIL);
      await page.goto(rootUrl("/dashboard/payments"));
      // Newest first: a retried run's payment would be above an earlier one.
      const row = page.getByRole("row").filter({ hasText: "García, Maria" }).filter({ hasText: "$25.50" }).first();
      await expect(row).toContainText("Paid");
      await expect(row.getByRole("cell").last()).toHaveText("To post");
      await row.getByRole("link").click();

      await expect(page.getByRole("heading", { level: 1, name: "$25.50" })).toBeVisible();
      await expect(page.getByText(receiptNumber, { exact: true })).toBeVisible();
      // Long processor ids wrap rather than push the page sideways on a phone.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.getByRole("button", { name: "Mark as posted in our practice software" }).click();
      await expect(page.getByRole("heading", { name: "Post it" })).toHaveCount(0, SLOW);

      const refund = page.getByRole("region", { name: "Refund" });
      await refund.getByLabel("Amount to refund").fill("10.00");
      await refund.getByLabel("Refund this amount to the patient's card. This can't be undone.").check();
      await refund.getByRole("button", { name: "Refund", exact: true }).click();
      await expect(refund.getByRole("status")).toHaveText("Refunded $10.00. It reaches the patient's card in 5–10 days.", SLOW);
      await expect(page.getByText("Partly refunded", { exact: true })).toBeVisible();
      await expect(refund.getByLabel("Amount to refund")).toHaveAccessibleDescription("Up to $15.50. Enter less for a partial refund.");

      await page.getByRole("link", { name: "← Payments" }).click();
      const posted = page.getByRole("row").filter({ hasText: "García, Maria" }).filter({ hasText: "$25.50" }).first();
      await expect(posted).toContainText("Partly refunded");
      await expect(posted.getByRole("cell").last()).toHaveText("Posted");
    } finally {
      await office.close();
    }
  });
});

test.describe("a patient whose details don't match", () => {
  test.use(patientFromAddress(12));

  test("Pay now with a name that doesn't match says so and keeps what was typed", async ({ page }) => {
    await page.goto(tenantUrl(SLUG, "/pay"));
    const typed = { ...MARIA, firstName: "Mario" };
    await fillIdentity(page, typed);
    await submitIdentity(page);
    const noMatch = alertWith(page, "We couldn't find a patient with those details. Check the spelling and the date of birth.");
    await expect(noMatch).toBeVisible(SLOW);
    await expect(noMatch.getByRole("link", { name: "(555) 010-2030" })).toBeVisible();
    await expect(page).toHaveURL(tenantUrl(SLUG, "/pay"));
    await expect(page.getByLabel("Patient's first name")).toHaveValue("Mario");
    await expect(page.getByLabel("Patient's last name")).toHaveValue(MARIA.lastName);
    await expect(page.getByLabel("Month", { exact: true })).toHaveValue(MARIA.month);
    await expect(page.getByLabel("Day", { exact: true })).toHaveValue(MARIA.day);
    await expect(page.getByLabel("Year", { exact: true })).toHaveValue(MARIA.year);
    await expectNoAxeViolations(page);
  });
});

test.describe("Pay and Verify as José", () => {
  test.use(patientFromAddress(13));

  test("José confirms a code from his email, sees his balance and pays it in full", async ({ page, context }) => {
    await openLanding(page);
    await page.getByRole("link", { name: /^See my balance and pay/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "See your balance" })).toBeVisible();
    await expectNoAxeViolations(page);
    await fillIdentity(page, JOSE);
    await submitIdentity(page);

    await expect(page).toHaveURL(tenantUrl(SLUG, "/verify/send"), SLOW);
    await page.getByRole("radio", { name: "Email j•••@example.com" }).check();
    await page.getByRole("button", { name: "Send my code" }).click();
    await expect(page).toHaveURL(tenantUrl(SLUG, "/verify/code"), SLOW);
    await expect(page.getByText("We sent a 6-digit code to j•••@example.com. It works for 10 minutes.")).toBeVisible();
    await expectNoAxeViolations(page);

    // The outbox is on the root host; read it in a second tab as the patient would read their email.
    const mail = await context.newPage();
    const email = await readNewestEmail(mail, JOSE.email, `Your ${PRACTICE} code`);
    await mail.close();
    const code = /is (\d{6})\./.exec(email)?.[1];
    expect(code, "the email carries a 6-digit code").toBeDefined();
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");

    await page.getByLabel("6-digit code").fill(wrong);
    await page.getByRole("button", { name: "Check code" }).click();
    await expect(alertWith(page, "That code isn't right. You have 4 tries left.")).toBeVisible(SLOW);
    await expect(page).toHaveURL(tenantUrl(SLUG, "/verify/code"));
    await expectNoAxeViolations(page);

    await page.getByLabel("6-digit code").fill(code!);
    await page.getByRole("button", { name: "Check code" }).click();
    await expect(page).toHaveURL(tenantUrl(SLUG, "/balance"), SLOW);
    await expect(page.getByRole("heading", { level: 1, name: "Hello, José" })).toBeVisible();
    await expect(page.getByText(/^Your balance as of /)).toBeVisible();
    const balance = page.getByText(AMOUNT_ALONE).first();
    await expect(balance).toBeVisible();
    const owed = (await balance.innerText()).trim();
    expect(owed, "José has something to pay").not.toBe("$0.00");
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: `Pay ${owed} in full` }).click();
    await expect(page).toHaveURL(DEMO_CHECKOUT, SLOW);
    await expect(page.getByRole("button", { name: `Pay ${owed}` })).toBeVisible();
    await payWithCard(page, CARDS.ok);
    await expect(page).toHaveURL(RESULT_PAGE, SLOW);
    await expect(page.getByRole("heading", { level: 1, name: "Thank you! Your payment went through." })).toBeVisible();
    await expect(receiptValue(page, "Amount")).toHaveText(owed);
    await expect(receiptValue(page, "Receipt number")).toHaveText(RECEIPT_NUMBER);

    // Still verified: the balance now counts the payment just made.
    await page.goto(tenantUrl(SLUG, "/balance"));
    await expect(page.getByText("$0.00", { exact: true })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("You don't owe anything right now. Thank you!");
  });
});

test.describe("in Spanish", () => {
  test.use(patientFromAddress(14));

  test("Maria switches to Español, confirms her code and pays her balance in Spanish", async ({ page, context }) => {
    await openLanding(page);
    await page.getByRole("link", { name: "Español" }).click();
    await expect(page.getByRole("link", { name: /^Pagar ahora/ })).toBeVisible();
    await expect(page.getByText("Pague su cuenta dental en línea, de forma segura, en un minuto.")).toBeVisible();
    await expect(page.getByRole("link", { name: "English" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: /^Ver mi saldo y pagar/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Ver su saldo" })).toBeVisible();
    await fillIdentity(page, MARIA, "es");
    await submitIdentity(page, "es");

    await expect(page).toHaveURL(tenantUrl(SLUG, "/verify/send"), SLOW);
    await expect(page.getByRole("heading", { level: 1, name: "¿A dónde le enviamos su código?" })).toBeVisible();
    await page.getByRole("radio", { name: "Correo m•••@example.com" }).check();
    await page.getByRole("button", { name: "Enviar mi código" }).click();
    await expect(page).toHaveURL(tenantUrl(SLUG, "/verify/code"), SLOW);
    await expect(page.getByRole("heading", { level: 1, name: "Escriba su código" })).toBeVisible();
    await expectNoAxeViolations(page);

    const mail = await context.newPage();
    const email = await readNewestEmail(mail, MARIA.email, `Su código de ${PRACTICE}`);
    await mail.close();
    const code = /es (\d{6})\./.exec(email)?.[1];
    expect(code, "the Spanish email carries a 6-digit code").toBeDefined();

    await page.getByLabel("Código de 6 dígitos").fill(code!);
    await page.getByRole("button", { name: "Comprobar código" }).click();
    await expect(page).toHaveURL(tenantUrl(SLUG, "/balance"), SLOW);
    await expect(page.getByRole("heading", { level: 1, name: "Hola, Maria" })).toBeVisible();
    await expect(page.getByText(/^Su saldo al /)).toBeVisible();
    const owed = (await page.getByText(AMOUNT_ALONE).first().innerText()).trim();
    expect(owed).not.toBe("$0.00");
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: `Pagar ${owed} completo` }).click();
    await expect(page).toHaveURL(DEMO_CHECKOUT, SLOW);
    await payWithCard(page, CARDS.ok);
    await expect(page).toHaveURL(RESULT_PAGE, SLOW);
    await expect(page.getByRole("heading", { level: 1, name: "¡Gracias! Su pago se realizó." })).toBeVisible();
    await expect(receiptValue(page, "Cantidad")).toHaveText(owed);
    await expect(receiptValue(page, "Número de recibo")).toHaveText(RECEIPT_NUMBER);
    await expect(receiptValue(page, "Tarjeta")).toHaveText("Visa terminada en 4242");
    await expectNoAxeViolations(page);

    const receipt = await readNewestEmail(page, MARIA.email, `Su recibo de pago de ${PRACTICE}`);
    expect(receipt).toContain(owed);
  });
});

test.describe("without a patient session", () => {
  test("a patient who opens /balance directly is told the session has ended", async ({ page }) => {
    await page.goto(tenantUrl(SLUG, "/balance"));
    await expect(page.getByRole("status")).toHaveText("Your session has ended to keep your information safe. Please start again.");
    await expect(page.getByText(MONEY)).toHaveCount(0);
    await page.getByRole("link", { name: "Start over" }).click();
    await expect(page).toHaveURL(tenantUrl(SLUG, "/"));
  });
});
