import { expect, test, type Page } from "@playwright/test";
import { CARDS, DEMO_OWNER_EMAIL, expectNoAxeViolations, mobile, patientFromAddress, payWithCard, rootUrl, signIn, SLOW, tenantUrl } from "./support";

// Message-to-Pay on the demo practice: the office sends one patient an email and a text from the patient's page,
// the app's own queue worker delivers them to the dev outbox, the patient opens the personal link on a phone
// and pays with the demo processor, and the requests dashboard shows "paid". Then a bulk batch runs to completion.

// Seeded patient #1005 (db/seed.ts): Robert Johnson, Bright Smiles Downtown, $155.84, email and phone on file.
const PATIENT = { id: "1005", name: "Johnson, Robert", email: "robert.johnson4@example.com", phone: "+15552031676", balance: "$155.84" };
const LINK = /http:\/\/bright-smiles\.localhost:\d+\/m\/[A-Za-z0-9_-]{43}/;
const DEMO_CHECKOUT = /^http:\/\/localhost:\d+\/demo-checkout\//;
/** The queue worker polls every few seconds; give it a few rounds on a busy runner. */
const DELIVERY = { timeout: 45_000 } as const;

/** Waits (reloading) for an outbox entry to `to` containing `text`, opens it and returns its text. */
async function waitForOutbox(page: Page, to: string, text: string): Promise<string> {
  const entry = page.getByRole("link").filter({ hasText: `To ${to}` }).filter({ hasText: text }).first();
  await expect(async () => {
    await page.goto(rootUrl("/dev/outbox"));
    await expect(entry).toBeVisible({ timeout: 1_000 });
  }).toPass(DELIVERY);
  await entry.click();
  // The list page has an h1 too: wait for the entry's own page before reading it.
  await expect(page).toHaveURL(/\/dev\/outbox\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Dev outbox");
  return page.getByRole("main").innerText();
}

/** Texts wait for 08:00 in the practice's time zone (quiet hours); only then can the text be expected now. */
function textsSendNow(): boolean {
  const hour = Number(new Intl.DateTimeFormat("en-US", { hour: "numeric", hourCycle: "h23", timeZone: "America/Chicago" }).format(new Date()));
  return hour >= 8 && hour < 21;
}

test("the office sends a Message-to-Pay; the patient opens the link from the outbox and pays; the request shows paid", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO_OWNER_EMAIL);
  await page.goto(rootUrl(`/dashboard/patients?q=${PATIENT.id}`));
  await page.getByRole("link", { name: PATIENT.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Robert Johnson");

  const panel = page.getByRole("form", { name: "Send Message-to-Pay" });
  await expect(panel.getByTestId("statement-preview")).toContainText(`Statement: ${PATIENT.balance}`);
  await expect(panel.getByRole("checkbox", { name: /^Email/ })).toBeChecked();
  await expect(panel.getByRole("checkbox", { name: /^Text message/ })).toBeChecked();
  await expect(panel.getByLabel("Text message", { exact: true })).toHaveValue(`Your balance with Bright Smiles Downtown is $155.84. To make your payment, visit [MsgToPayURL].`);
  await panel.getByLabel("Email subject").fill("Your statement from Bright Smiles");
  await panel.getByRole("button", { name: "Send Message-to-Pay" }).click();
  await expect(panel.getByRole("status")).toHaveText("Message-to-Pay queued: 2 messages.", SLOW);

  const email = await waitForOutbox(page, PATIENT.email, "Your statement from Bright Smiles");
  expect(email).toContain("Hi Robert,");
  expect(email).toContain("$155.84");
  const link = LINK.exec(email)?.[0];
  expect(link, "the email carries the personal link").toBeTruthy();
  if (textsSendNow()) {
    const text = await waitForOutbox(page, PATIENT.phone, "Your balance with Bright Smiles Downtown");
    expect(text).toContain(link!);
  }

  // The patient, on their phone, from their own network.
  const phone = await browser.newContext({ ...mobile, ...patientFromAddress(61) });
  const patient = await phone.newPage();
  await patient.goto(link!);
  await expect(patient.getByRole("heading", { level: 1, name: "Hi Robert" })).toBeVisible();
  await expect(patient.getByText("Your statement from Bright Smiles Downtown")).toBeVisible();
  await expect(patient.getByText("Left to pay")).toBeVisible();
  // First name and amounts only: no last name, no contact details.
  await expect(patient.getByRole("main")).not.toContainText("Johnson");
  await expect(patient.getByRole("main")).not.toContainText(PATIENT.email);
  await expectNoAxeViolations(patient);
  await patient.getByRole("button", { name: `Pay ${PATIENT.balance}` }).click();
  await expect(patient).toHaveURL(DEMO_CHECKOUT, SLOW);
  await payWithCard(patient, CARDS.ok);
  await expect(patient.getByRole("heading", { level: 1, name: "Thank you! Your payment went through." })).toBeVisible(SLOW);

  // Opening the link again shows the statement settled.
  await patient.goto(link!);
  await expect(patient.getByText("This statement is paid. Thank you!")).toBeVisible();
  await phone.close();

  await page.goto(rootUrl("/dashboard/messages?state=paid"));
  const row = page.getByRole("row").filter({ hasText: PATIENT.name });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("Paid", { exact: true })).toBeVisible();
  await expect(row).toContainText(PATIENT.balance);
});

test("staff revoke a link from the requests dashboard and the patient then sees the office phone instead", async ({ page, browser }) => {
  test.setTimeout(90_000);
  // Seeded patient #1006: Sofía Miller, Bright Smiles Northside, email only.
  await signIn(page, DEMO_OWNER_EMAIL);
  await page.goto(rootUrl("/dashboard/patients?q=1006"));
  await page.getByRole("link", { name: "Miller, Sofía" }).click();
  const panel = page.getByRole("form", { name: "Send Message-to-Pay" });
  await expect(panel.getByRole("checkbox", { name: /^Text message/ })).toBeDisabled();
  await panel.getByRole("button", { name: "Send Message-to-Pay" }).click();
  await expect(panel.getByRole("status")).toHaveText("Message-to-Pay queued: 1 message.", SLOW);
  const link = LINK.exec(await waitForOutbox(page, "sofia.miller5@example.com", "Your balance with Bright Smiles Northside"))?.[0];
  expect(link).toBeTruthy();

  await page.goto(rootUrl("/dashboard/messages"));
  const row = page.getByRole("row").filter({ hasText: "Miller, Sofía" });
  await row.getByRole("button", { name: "Revoke the link sent to Sofía Miller" }).click();
  // The list re-renders with the new state; the button goes away.
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible(SLOW);
  await expect(row.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);

  const phone = await browser.newContext({ ...mobile, ...patientFromAddress(62) });
  const patient = await phone.newPage();
  await patient.goto(link!);
  await expect(patient.getByRole("heading", { level: 1, name: "This payment link doesn't work anymore" })).toBeVisible();
  await expect(patient.getByText("This one has expired or was cancelled by the office.")).toBeVisible();
  await expect(patient.getByRole("main").getByRole("link", { name: "(555) 010-2030" })).toBeVisible();
  await patient.getByRole("link", { name: "Go to our payment page" }).click();
  await expect(patient.getByRole("heading", { level: 1, name: "Bright Smiles Dental" })).toBeVisible();
  await phone.close();
});

test("a made-up link opens the no-longer-valid page with the way to the portal", async ({ page }) => {
  await page.goto(tenantUrl("bright-smiles", `/m/${"A".repeat(43)}`));
  await expect(page.getByRole("heading", { level: 1, name: "This payment link doesn't work anymore" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to our payment page" })).toBeVisible();
});

test("a bulk batch shows its progress live until every message is sent, and exports CSV", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO_OWNER_EMAIL);
  await page.goto(rootUrl("/dashboard/messages/new"));
  await page.getByLabel("Owes at least ($)").fill("800");
  await page.getByRole("checkbox", { name: "Has an email address" }).check();
  await page.getByRole("button", { name: "Preview" }).click();
  const heading = page.getByRole("heading", { level: 2, name: /matching patients?$/ });
  await expect(heading).toBeVisible();
  const count = Number((await heading.innerText()).split(" ")[0]);
  expect(count).toBeGreaterThan(0);

  const send = page.getByRole("form", { name: "Send the batch" });
  // Texts may wait for the end of quiet hours; email goes out at any hour.
  await send.getByRole("checkbox", { name: "Text message" }).uncheck();
  await send.getByRole("button", { name: `Send to ${count} patient${count === 1 ? "" : "s"}` }).click();
  await expect(page).toHaveURL(/\/dashboard\/messages\/batches\/[0-9a-f-]{36}$/, SLOW);
  await expect(page.getByRole("progressbar", { name: "Messages sent" })).toBeVisible();
  const progress = page.getByTestId("batch-progress");
  await expect(progress).toContainText(`${count} in all`);
  await expect(progress).toContainText("Finished", DELIVERY);
  await expect(progress).toContainText(`0 queued · ${count} sent · 0 failed`);
  await expect(page.getByRole("row").filter({ hasText: "sent" })).toHaveCount(count);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of csv) chunks.push(chunk as Buffer);
  const lines = Buffer.concat(chunks).toString("utf8").trim().split("\r\n");
  expect(lines[0]).toBe("patient_id,patient_name,channel,to,status,error,created_at,sent_at,delivered_at,request_id");
  expect(lines).toHaveLength(count + 1);
});
