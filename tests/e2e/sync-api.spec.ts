import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { connect, markPosted, pollPayments, pushPatients, type FeedPayment } from "../../examples/sync-example";
import { CARDS, DEMO_OWNER_EMAIL, expectNoAxeViolations, patientFromAddress, payWithCard, rootUrl, signIn, SLOW, tenantUrl } from "./support";

// The "done when": the owner creates an API key in the dashboard, a script that knows only the
// OpenAPI document pushes a patient, that patient pays on the portal, the script sees the payment and
// marks it posted, and the dashboard shows it posted.

const SLUG = "bright-smiles";
const suffix = () => Array.from({ length: 6 }, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)]).join("");

test("a PMS script pushes a patient, sees their portal payment and marks it posted", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = testInfo.project.use.baseURL!;
  const office = await browser.newContext({ baseURL });
  const page = await office.newPage();
  await signIn(page, DEMO_OWNER_EMAIL);

  // 1. The owner creates a key; it is shown once.
  await page.goto(rootUrl("/dashboard/api"));
  await expect(page.getByRole("heading", { level: 1, name: "API" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Key name").fill(`E2E sync ${suffix()}`);
  await page.getByRole("button", { name: "Create key" }).click();
  const keyField = page.getByLabel("Your new API key");
  await expect(keyField).toHaveValue(/^cs_live_[A-Za-z0-9_-]{43}$/, SLOW);
  const key = await keyField.inputValue();
  await page.reload();
  await expect(page.getByLabel("Your new API key")).toHaveCount(0);
  await expect(page.getByText(`${key.slice(0, 12)}…`)).toBeVisible();

  // 2. The example client runs as a practice would run it, then the same client functions push our patient.
  const cursorFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sync-e2e-")), "cursor");
  const out = execFileSync("npx", ["tsx", "examples/sync-example.ts", "--base", baseURL, "--key", key, "--cursor-file", cursorFile], { encoding: "utf8" });
  expect(out).toMatch(/Patients: \d+ created, \d+ updated, \d+ unchanged\./);
  expect(fs.readFileSync(cursorFile, "utf8")).not.toBe("");

  const client = await connect(baseURL, key);
  const lastName = `Apitest${suffix()}`;
  const externalId = `E2E-${suffix()}`;
  expect(await pushPatients(client, [{ externalId, firstName: "Sync", lastName, birthdate: "1991-02-03", balanceCents: 4_321 }], () => {})).toEqual({ created: 1, updated: 0, unchanged: 0 });
  const cursor = await pollPayments(client, null, async () => {});

  // 3. The patient pays $12.34 on the portal with Pay now.
  const phone = await browser.newContext({ baseURL, ...patientFromAddress(41) });
  const patient = await phone.newPage();
  await patient.goto(tenantUrl(SLUG));
  await patient.getByRole("link", { name: /^Pay now/ }).click();
  await patient.getByLabel("Patient's first name").fill("Sync");
  await patient.getByLabel("Patient's last name").fill(lastName);
  await patient.getByLabel("Month", { exact: true }).fill("02");
  await patient.getByLabel("Day", { exact: true }).fill("03");
  await patient.getByLabel("Year", { exact: true }).fill("1991");
  await patient.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(patient).toHaveURL(tenantUrl(SLUG, "/pay/amount"), SLOW);
  await patient.getByLabel("Amount in US dollars").fill("12.34");
  await patient.getByRole("button", { name: "Continue to secure payment" }).click();
  await payWithCard(patient, CARDS.ok);
  await expect(patient.getByRole("heading", { level: 1, name: "Thank you! Your payment went through." })).toBeVisible(SLOW);
  await phone.close();

  // 4. The script sees exactly that payment after its cursor and marks it posted.
  const seen: FeedPayment[] = [];
  await pollPayments(client, cursor, async (p) => void seen.push(p));
  const mine = seen.filter((p) => p.patientExternalId === externalId);
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({ status: "succeeded", amountCents: 1_234, source: "portal", card: { brand: "visa", last4: "4242" }, postedAt: null });
  const posted = (await markPosted(client, mine[0]!.id)) as { postedAt: string };
  expect(posted.postedAt).toBeTruthy();
  expect(((await markPosted(client, mine[0]!.id)) as { postedAt: string }).postedAt).toBe(posted.postedAt);

  // 5. The dashboard shows it posted.
  await page.goto(rootUrl("/dashboard/payments"));
  const row = page.getByRole("row").filter({ hasText: `${lastName}, Sync` }).filter({ hasText: "$12.34" });
  await expect(row.getByRole("cell").last()).toHaveText("Posted");

  // The API is not served on a practice's portal host.
  // Node doesn't resolve *.localhost, so connect to loopback and send the portal's Host ourselves.
  const tenant = new URL(tenantUrl(SLUG, "/api/v1/openapi.json"));
  const status = await new Promise<number>((resolve, reject) => {
    http.get({ host: "127.0.0.1", port: tenant.port, path: tenant.pathname, headers: { host: tenant.host } }, (res) => resolve(res.statusCode ?? 0)).on("error", reject);
  });
  expect(status).toBe(404);

  // The reference page renders from the same document.
  await page.goto(rootUrl("/dashboard/api/reference"));
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "PUT /api/v1/patients" })).toBeVisible();
  await expect(page.getByText("verifyChairsideSignature", { exact: false }).first()).toBeVisible();
  await office.close();
});
