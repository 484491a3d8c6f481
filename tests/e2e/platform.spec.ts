import http from "node:http";
import { expect, test, type Response } from "@playwright/test";
import { expectNoAxeViolations, mobile, rootUrl, tenantUrl } from "./support";

// Smoke test of the platform foundation on a production build: host routing, the 404 for unknown
// practices, security headers, /api passing through tenant hosts, and accessibility of the two front doors.

const DEMO_SLUG = "bright-smiles";
const DEMO_NAME = "Bright Smiles Dental";
const UNKNOWN_PRACTICE = /We couldn[’']t find that practice/;

function expectSecurityHeaders(response: Response | null): void {
  expect(response, "navigation produced no response").not.toBeNull();
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, "Content-Security-Policy").not.toBe("");
  expect(csp).not.toContain("unsafe-eval");
  expect(csp.split(";").map((d) => d.trim())).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"] ?? "", "Referrer-Policy").not.toBe("");
  expect(headers["strict-transport-security"] ?? "", "Strict-Transport-Security").toMatch(/max-age=\d+/);
}

/** GET with an exact Host header; browsers and fetch() lowercase host names before sending them. */
function getWithHost(hostHeader: string, path = "/"): Promise<{ status: number; body: string }> {
  const { port } = new URL(rootUrl("/"));
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port: Number(port), path, headers: { host: hostHeader } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
  });
}

test.describe("root site", () => {
  test("names the product and offers a way to sign in", async ({ page }) => {
    const response = await page.goto(rootUrl("/"));
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: /Chairside/ }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  });

  test("sends the baseline security headers", async ({ page }) => {
    expectSecurityHeaders(await page.goto(rootUrl("/")));
  });

  test("has no accessibility violations", async ({ page }) => {
    await page.goto(rootUrl("/"));
    await expectNoAxeViolations(page);
  });
});

test.describe("practice portal", () => {
  test.use(mobile);

  test("shows the practice's name on a phone without sideways scrolling", async ({ page }) => {
    const response = await page.goto(tenantUrl(DEMO_SLUG));
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_NAME);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "page is wider than the phone's screen").toBeLessThanOrEqual(0);
  });

  test("answers a practice that does not exist with a 404 that says so", async ({ page }) => {
    const response = await page.goto(tenantUrl("no-such-practice"));
    expect(response?.status()).toBe(404);
    await expect(page.getByText(UNKNOWN_PRACTICE)).toBeVisible();
  });

  test("treats the practice's host name case-insensitively", async ({ page }) => {
    // Chromium lowercases the host before sending it, so this only proves the link works...
    const response = await page.goto(tenantUrl(DEMO_SLUG.toUpperCase()));
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_NAME);
    // ...while a raw request proves the server itself accepts an upper-case Host header.
    const { host } = new URL(tenantUrl(DEMO_SLUG));
    const raw = await getWithHost(host.replace(DEMO_SLUG, DEMO_SLUG.toUpperCase()));
    expect(raw.status).toBe(200);
    expect(raw.body).toContain(DEMO_NAME);
  });

  test("sends the baseline security headers on the landing page and on the 404", async ({ page }) => {
    expectSecurityHeaders(await page.goto(tenantUrl(DEMO_SLUG)));
    expectSecurityHeaders(await page.goto(tenantUrl("no-such-practice")));
  });

  test("passes /api through to the API instead of the practice's pages", async ({ page }) => {
    const response = await page.goto(tenantUrl(DEMO_SLUG, "/api/auth/providers"));
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-type"]).toMatch(/^application\/json/);
    const body: unknown = await response?.json();
    expect(body).toEqual(expect.any(Object));
    expect(body).not.toBeNull();
  });

  test("has no accessibility violations on the landing page", async ({ page }) => {
    await page.goto(tenantUrl(DEMO_SLUG));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_NAME);
    await expectNoAxeViolations(page);
  });
});
