// The servers Playwright starts for e2e: one production build served by two app instances, plus the
// Stripe/Resend fakes. Imported by playwright.config.ts (servers) and by specs (ports, URLs).

/** Build output of the e2e build; a dev server's `.next` is never touched. */
export const E2E_DIST_DIR = ".next-e2e";

export const STRIPE_FAKE_PORT = 12111;
export const RESEND_FAKE_PORT = 12112;

/** Secrets shared by the stripe app (which verifies) and the Stripe fake (which signs). */
export const E2E_STRIPE = {
  secretKey: "sk_test_e2e",
  apiBase: `http://127.0.0.1:${STRIPE_FAKE_PORT}`,
  /**
   * Where browsers are sent for the fake's hosted pages. A form that submits before the page has hydrated
   * is redirected there by a plain 303, which the app's CSP form-action must allow: it allows the real
   * Stripe hosts and, on a localhost build, http://localhost:* — but not 127.0.0.1.
   */
  hostedBase: `http://localhost:${STRIPE_FAKE_PORT}`,
  webhookSecret: "whsec_e2e_platform",
  connectWebhookSecret: "whsec_e2e_connect",
  webhookPath: "/api/webhooks/stripe",
  connectWebhookPath: "/api/webhooks/stripe/connect",
} as const;

export type AppName = "demo" | "stripe";

export interface E2eApp {
  name: AppName;
  port: number;
  /** Root site; tenants are <slug>.localhost:<port>. */
  baseURL: string;
  /** Embedded database folder, wiped before each start. */
  pgliteDir: string;
  env: Record<string, string>;
}

// An empty string counts as "not set" for the app (lib/env.ts) and keeps a developer's shell or
// .env file from leaking real keys or a database URL into a test server.
const unset = (...names: string[]) => Object.fromEntries(names.map((n) => [n, ""]));

function app(name: AppName, port: number, own: Record<string, string>): E2eApp {
  const pgliteDir = `.data/e2e/${name}`;
  return {
    name,
    port,
    baseURL: `http://localhost:${port}`,
    pgliteDir,
    env: {
      ...unset("DATABASE_URL", "POSTGRES_URL", "NEON_WS_PROXY", "AUTH_URL", "NEXTAUTH_URL", "RESEND_API_KEY", "RESEND_BASE_URL"),
      NEXT_DIST_DIR: E2E_DIST_DIR,
      ROOT_DOMAIN: `localhost:${port}`,
      PUBLIC_PROTOCOL: "http",
      PGLITE_DIR: pgliteDir,
      AUTH_SECRET: `e2e-${name}-auth-secret-not-for-production`,
      SEED_DEMO: "1",
      DEV_OUTBOX: "1",
      ...own,
    },
  };
}

export const E2E_APPS = {
  /** No processor keys: the demo processor is offered; mail goes to the dev outbox. */
  demo: app("demo", 3210, unset("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_CONNECT_WEBHOOK_SECRET", "STRIPE_API_BASE")),
  /** Stripe configured against the local fake; mail still goes to the dev outbox. */
  stripe: app("stripe", 3211, {
    STRIPE_SECRET_KEY: E2E_STRIPE.secretKey,
    STRIPE_API_BASE: E2E_STRIPE.apiBase,
    STRIPE_WEBHOOK_SECRET: E2E_STRIPE.webhookSecret,
    STRIPE_CONNECT_WEBHOOK_SECRET: E2E_STRIPE.connectWebhookSecret,
  }),
} satisfies Record<AppName, E2eApp>;

/** Environment of the fakes process (tests/fakes/serve.ts): webhooks go to the stripe app. */
export const FAKES_ENV: Record<string, string> = {
  STRIPE_FAKE_PORT: String(STRIPE_FAKE_PORT),
  RESEND_FAKE_PORT: String(RESEND_FAKE_PORT),
  STRIPE_FAKE_WEBHOOK_URL: `${E2E_APPS.stripe.baseURL}${E2E_STRIPE.webhookPath}`,
  STRIPE_WEBHOOK_SECRET: E2E_STRIPE.webhookSecret,
  STRIPE_FAKE_CONNECT_WEBHOOK_URL: `${E2E_APPS.stripe.baseURL}${E2E_STRIPE.connectWebhookPath}`,
  STRIPE_CONNECT_WEBHOOK_SECRET: E2E_STRIPE.connectWebhookSecret,
  STRIPE_FAKE_PUBLIC_URL: E2E_STRIPE.hostedBase,
};
