import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { BENCH_DIST_DIR } from "./build-app";
import { httpGet, isOk } from "./http-get";
import { spawnGroup } from "./process-group";
import { atTeardown } from "./teardown";

// The app under test: `next start` from .next-bench on a free port and a fresh embedded database,
// which the app migrates and seeds with the demo practice on first start.

/** Printed by lib/platform/on-server-start.ts once migrations and the demo seed are done. */
const READY_BANNER = "Chairside is running";
const START_TIMEOUT_MS = 120_000;

export interface RunningApp {
  port: number;
  /** Host header of the root site, e.g. localhost:4123. */
  rootHost: string;
  /** Host header of a practice's patient pages, e.g. bright-smiles.localhost:4123. */
  tenantHost(slug: string): string;
  /** Stops the server and deletes its database folder. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    // Any interface, as `next start` binds them all.
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function removeDatabase(dir: string): void {
  // The app's PGlite lock lives beside the folder (db/pglite-lock.ts).
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(`${dir}.lock`, { force: true });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the built app and resolves once the demo practice is seeded and the root page answers 2xx. */
export async function startApp(root: string): Promise<RunningApp> {
  const port = await freePort();
  const rootHost = `localhost:${port}`;
  const pgliteDir = path.join(root, ".data", `bench-${Date.now()}`);
  // An empty string is "not set" to lib/env.ts, and keeps a shell's or .env file's keys and URLs out.
  const unset = Object.fromEntries(
    ["DATABASE_URL", "POSTGRES_URL", "NEON_WS_PROXY", "AUTH_URL", "NEXTAUTH_URL", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET",
      "STRIPE_CONNECT_WEBHOOK_SECRET", "STRIPE_API_BASE", "RESEND_API_KEY", "RESEND_BASE_URL", "DEV_OUTBOX"].map((n) => [n, ""]),
  );
  const server = spawnGroup(
    "node",
    // No -H 127.0.0.1: with it, req.nextUrl's origin (localhost) differs from the request's, so the
    // middleware's tenant rewrite turns into an external proxy to the root host and every patient page 404s.
    ["node_modules/next/dist/bin/next", "start", "-p", String(port)],
    {
      cwd: root,
      env: {
        ...process.env,
        ...unset,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: BENCH_DIST_DIR,
        ROOT_DOMAIN: rootHost,
        PUBLIC_PROTOCOL: "http",
        PGLITE_DIR: pgliteDir,
        SEED_DEMO: "1",
        AUTH_SECRET: `bench-${randomBytes(24).toString("hex")}`,
      },
    },
  );

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      unregister();
      await server.stop();
      removeDatabase(pgliteDir);
    })());
  const unregister = atTeardown({
    label: "stop the app server",
    run: stop,
    runNow: () => {
      server.stopNow();
      removeDatabase(pgliteDir);
    },
  });

  try {
    await waitUntilReady(server, port, rootHost);
  } catch (err) {
    await stop();
    const tail = server.output().trimEnd().split("\n").slice(-30).join("\n");
    throw new Error(`${(err as Error).message}\n--- server output (last lines) ---\n${tail}`);
  }
  return { port, rootHost, tenantHost: (slug) => `${slug}.${rootHost}`, stop };
}

async function waitUntilReady(server: ReturnType<typeof spawnGroup>, port: number, rootHost: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exitCode: number | null | undefined;
  void server.exited.then(
    (code) => (exitCode = code),
    () => (exitCode = null),
  );
  while (!server.output().includes(READY_BANNER)) {
    if (exitCode !== undefined) throw new Error(`the app server exited (code ${exitCode}) before printing "${READY_BANNER}"`);
    if (Date.now() > deadline) throw new Error(`the app server did not print "${READY_BANNER}" within ${START_TIMEOUT_MS / 1000} s`);
    await sleep(200);
  }
  let last = "no answer";
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the app server exited (code ${exitCode}) during start-up`);
    try {
      const res = await httpGet(port, rootHost, "/", 5_000);
      if (isOk(res.status)) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`the root page did not answer 2xx within ${START_TIMEOUT_MS / 1000} s (last: ${last})`);
}
