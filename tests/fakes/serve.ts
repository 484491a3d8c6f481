// Runs the Stripe and Resend fakes as one process, for Playwright's webServer and manual runs:
//   npx tsx tests/fakes/serve.ts
// Ports: STRIPE_FAKE_PORT (12111), RESEND_FAKE_PORT (12112). Webhooks: STRIPE_FAKE_WEBHOOK_URL with
// STRIPE_WEBHOOK_SECRET, STRIPE_FAKE_CONNECT_WEBHOOK_URL with STRIPE_CONNECT_WEBHOOK_SECRET (the app's
// own secrets, so the app verifies what the fake signs). STRIPE_FAKE_PUBLIC_URL: base of the hosted-page
// links (Checkout, onboarding) handed to browsers. Both fakes answer GET /health when ready.
import { startResendFake } from "./resend-fake";
import { startStripeFake } from "./stripe-fake";

const env = (name: string) => process.env[name] || undefined;

try {
  const stripe = await startStripeFake({
    port: Number(env("STRIPE_FAKE_PORT") ?? 12111),
    webhookUrl: env("STRIPE_FAKE_WEBHOOK_URL"),
    webhookSecret: env("STRIPE_WEBHOOK_SECRET"),
    connectWebhookUrl: env("STRIPE_FAKE_CONNECT_WEBHOOK_URL"),
    connectWebhookSecret: env("STRIPE_CONNECT_WEBHOOK_SECRET"),
    publicUrl: env("STRIPE_FAKE_PUBLIC_URL"),
  });
  const resend = await startResendFake({ port: Number(env("RESEND_FAKE_PORT") ?? 12112) }).catch(async (err: unknown) => {
    await stripe.close();
    throw err;
  });
  console.log(`Fakes ready: Stripe ${stripe.url}, Resend ${resend.url}`);

  const stop = async () => {
    await Promise.all([stripe.close(), resend.close()]);
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
} catch (err) {
  console.error(`Fakes failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
