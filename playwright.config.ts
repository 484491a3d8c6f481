import { defineConfig, devices } from "@playwright/test";
import { E2E_APPS, FAKES_ENV, type E2eApp } from "./tests/e2e/support/servers";

// e2e runs against a production build (`next start`), never a dev server:
//   1. the Stripe/Resend fakes start;
//   2. the "demo" app builds once into .next-e2e (E2E_SKIP_BUILD=1 reuses the last build) and starts on :3210;
//   3. the "stripe" app starts from the same build on :3211.
// Playwright starts webServer entries one after another, in this order, each waiting for the one
// before to be ready: that is what lets the stripe app reuse the demo app's build.
// Each app gets a freshly wiped PGlite folder (seeded with the demo practice on start) and its own AUTH_SECRET.
// Playwright runs each server in its own process group and kills the whole group at the end
// (SIGTERM, then SIGKILL), so no orphaned next-server keeps a port; `exec` makes node the group leader.

const CHROMIUM = "/usr/bin/chromium";
// Without the background-networking flags Chromium keeps dialling Google on this closed network.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const isCI = Boolean(process.env.CI);
const skipBuild = process.env.E2E_SKIP_BUILD === "1";

function appServer(app: E2eApp, { build }: { build: boolean }) {
  const start = `rm -rf '${app.pgliteDir}' '${app.pgliteDir}.lock' && exec node node_modules/next/dist/bin/next start -p ${app.port}`;
  return {
    name: app.name,
    command: build && !skipBuild ? `npm run build && ${start}` : start,
    // The root page is served without a tenant; url (not port) also refuses a port someone else holds.
    url: app.baseURL,
    env: app.env,
    reuseExistingServer: false,
    timeout: (build ? 300 : 90) * 1000,
    stdout: "pipe" as const,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
  };
}

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: isCI,
  // One retry on CI absorbs a slow 2-core box; a test that needed it is reported as "flaky".
  retries: isCI ? 1 : 0,
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "demo",
      testIgnore: "**/*.stripe.spec.ts",
      use: { baseURL: E2E_APPS.demo.baseURL },
    },
    {
      name: "stripe",
      testMatch: "**/*.stripe.spec.ts",
      use: { baseURL: E2E_APPS.stripe.baseURL },
    },
  ],
  webServer: [
    {
      name: "fakes",
      command: "exec npx tsx tests/fakes/serve.ts",
      env: FAKES_ENV,
      wait: { stdout: /Fakes ready/ },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    appServer(E2E_APPS.demo, { build: true }),
    appServer(E2E_APPS.stripe, { build: false }),
  ],
});
