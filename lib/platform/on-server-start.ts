import { and, asc, isNull } from "drizzle-orm";
import { closeDb, driverConfig, getDb } from "@/db/client";
import { registrationKeys } from "@/db/schema";
import { DEMO, seedDemo } from "@/db/seed";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";
import { startWorkers } from "@/lib/jobs/run-workers";
import { formatKey } from "@/lib/registration-keys/key-format";
import { rootUrl, tenantUrl } from "@/lib/tenancy/urls";

/** Runs once per server process: validates env (a bad variable stops start-up), starts the background workers, and on the embedded default migrates and seeds the demo. */
export async function onServerStart(): Promise<void> {
  const e = env();
  // Fail at boot, not on the first sign-in, when a real database has no AUTH_SECRET.
  resolveAuthSecret(e);
  const driver = driverConfig(e);
  // Sending queues, reminders and outgoing webhooks run inside the app unless turned off (Vercel: the cron route).
  if (e.RUN_WORKERS !== "0") startWorkers(getDb);
  if (driver.kind !== "pglite") return;
  const db = await getDb();
  // PGlite holds the data folder's lock until it is closed; release it on Ctrl-C and `kill`.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void closeDb().finally(() => process.exit(0)));
  }
  if (e.SEED_DEMO !== "1") return;
  await seedDemo(db);
  const keys = await db
    .select({ key: registrationKeys.key })
    .from(registrationKeys)
    .where(and(isNull(registrationKeys.claimedByTenantId), isNull(registrationKeys.revokedAt)))
    .orderBy(asc(registrationKeys.createdAt))
    .limit(3);
  const lines = [
    "",
    `Chairside is running on the embedded database (${driver.dir}).`,
    `  Site and office dashboard:  ${rootUrl("/")}`,
    `  Demo patient portal:        ${tenantUrl(DEMO.slug, "/")}`,
    `  Office owner login:         ${DEMO.ownerEmail} / ${DEMO.password}`,
    `  Office staff login:         ${DEMO.staffEmail} / ${DEMO.password}`,
    `  Support login:              ${DEMO.supportEmail} / ${DEMO.password}  (${rootUrl("/support")})`,
    `  Emails and texts (outbox):  ${rootUrl("/dev/outbox")}`,
  ];
  if (keys.length > 0) lines.push(`  Unclaimed registration keys: ${keys.map((k) => formatKey(k.key)).join(", ")}`);
  console.log(lines.join("\n") + "\n");
}
