import { z } from "zod";

// Every setting the app reads, parsed once. Nothing is required for the embedded
// default: a bare `npm run dev` must work on a fresh machine.
const optionalUrl = z.url().optional();
const optionalPostgresUrl = z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }).optional();
const optionalSecret = z.string().min(1).optional();

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Host (with port when not 80/443) that serves the site and dashboard; tenants live at <slug>.<ROOT_DOMAIN>. */
  ROOT_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d{1,5})?$/, "must be a bare host such as chairside.app or localhost:3000")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Public scheme used when we build absolute links (emails, Stripe return URLs). */
  PUBLIC_PROTOCOL: z.enum(["http", "https"]).optional(),
  DATABASE_URL: optionalPostgresUrl,
  POSTGRES_URL: optionalPostgresUrl,
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  /** Tests only: host:port/path of a WebSocket→TCP pipe for the Neon driver. */
  NEON_WS_PROXY: z.string().min(1).optional(),
  AUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  STRIPE_SECRET_KEY: optionalSecret,
  STRIPE_WEBHOOK_SECRET: optionalSecret,
  STRIPE_CONNECT_WEBHOOK_SECRET: optionalSecret,
  /** Tests only: base URL of a local Stripe fake, e.g. http://127.0.0.1:12111. */
  STRIPE_API_BASE: optionalUrl,
  RESEND_API_KEY: optionalSecret,
  /** Tests only: base URL of a local Resend fake. */
  RESEND_BASE_URL: optionalUrl,
  EMAIL_FROM: z.string().min(3).default("Chairside <no-reply@chairside.localhost>"),
  /** Show /dev/outbox in a production build (demo and e2e only; never on a real deployment). */
  DEV_OUTBOX: z.enum(["0", "1"]).optional(),
  /** Skip seeding the demo practice on first start of the embedded database. */
  SEED_DEMO: z.enum(["0", "1"]).default("1"),
  /** Signing secret of the Resend webhook endpoint (`whsec_…`); without it delivery webhooks are refused. */
  RESEND_WEBHOOK_SECRET: optionalSecret,
  TWILIO_ACCOUNT_SID: optionalSecret,
  TWILIO_AUTH_TOKEN: optionalSecret,
  /** The number (E.164) or Messaging Service SID (`MG…`) texts are sent from. */
  TWILIO_FROM: optionalSecret,
  /** Tests only: base URL of a local Twilio fake. */
  TWILIO_API_BASE: optionalUrl,
  /** Bearer secret for /api/cron/work (Vercel Cron); without it the route refuses every call. */
  CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /** `0` stops the in-process background workers (message queue, reminders, outgoing webhooks); on Vercel use the cron route. */
  RUN_WORKERS: z.enum(["0", "1"]).optional(),
});

// ROOT_DOMAIN defaults to localhost on whatever port we serve, so `PORT=4000 npm start` just works.
export type Env = Omit<z.infer<typeof envSchema>, "ROOT_DOMAIN"> & { ROOT_DOMAIN: string };

/** Parses a raw environment; throws one message naming every bad variable. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  // Empty strings (FOO= in a .env file) mean "not set", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return { ...result.data, ROOT_DOMAIN: result.data.ROOT_DOMAIN ?? `localhost:${result.data.PORT ?? 3000}` };
}

let cached: Env | undefined;

/** The process environment, validated on first use and then cached. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
