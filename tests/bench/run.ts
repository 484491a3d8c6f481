// npm run bench — builds the app into .next-bench, starts it on a fresh embedded database, runs every
// scenario in scenarios/index.ts and prints each as ratios against a baseline measured in this run.
// Not a test: nothing here asserts on a figure. Exit code 1 means the harness broke (build, start-up,
// a scenario threw), never that a figure was bad. Flags: see options.ts or `npm run bench -- --help`.

import path from "node:path";
import { startApp } from "./app-server";
import { BENCH_DIST_DIR, buildApp, buildLogPath, hasBuild } from "./build-app";
import { stopLoad } from "./load-test";
import { parseOptions, USAGE, type BenchOptions } from "./options";
import { formatTable } from "./report-table";
import type { BenchContext } from "./scenario";
import { SCENARIOS } from "./scenarios";
import { teardown, teardownNow } from "./teardown";

const ROOT = path.resolve(import.meta.dirname, "../..");
const log = (line: string) => console.error(`bench: ${line}`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

async function main(options: BenchOptions): Promise<number> {
  const unknown = options.only.filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length) {
    console.error(`Unknown scenario(s): ${unknown.join(", ")}. Known: ${SCENARIOS.map((s) => s.name).join(", ")}`);
    return 2;
  }
  const scenarios = options.only.length ? SCENARIOS.filter((s) => options.only.includes(s.name)) : SCENARIOS;
  const began = Date.now();

  if (options.skipBuild && hasBuild(ROOT)) {
    log(`reusing the build in ${BENCH_DIST_DIR}`);
  } else {
    if (options.skipBuild) log(`--no-build, but ${BENCH_DIST_DIR} holds no finished build; building`);
    log(`building into ${BENCH_DIST_DIR} (about 30–60 s)…`);
    const t = Date.now();
    await buildApp(ROOT);
    log(`built in ${seconds(t)}; build log with the route table: ${path.relative(ROOT, buildLogPath(ROOT))}`);
  }

  log("starting the app on a fresh embedded database…");
  const t = Date.now();
  const app = await startApp(ROOT);
  log(`ready on port ${app.port} in ${seconds(t)}`);

  const ctx: BenchContext = { app, options, log };
  let failures = 0;
  try {
    for (const scenario of scenarios) {
      log(`scenario ${scenario.name}`);
      try {
        const { table, notes } = await scenario.run(ctx);
        console.log(`\n## ${scenario.title}\n\n${formatTable(table)}\n${notes.map((n) => `  · ${n}`).join("\n")}`);
      } catch (err) {
        failures++;
        console.log(`\n## ${scenario.title}\n\n  HARNESS ERROR: ${(err as Error).stack ?? String(err)}`);
      }
    }
  } finally {
    await app.stop();
  }
  console.log(`\nTotal ${seconds(began)}; figures vary run to run, compare ratios, not absolute numbers.`);
  return failures ? 1 : 0;
}

let options: BenchOptions | null;
try {
  options = parseOptions(process.argv.slice(2));
} catch (err) {
  console.error(`${(err as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (!options) {
  console.log(USAGE);
  process.exit(0);
}

// Ctrl-C or kill: stop the load, the build or the server (their whole process groups), delete the database.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up…`);
    stopLoad();
    void teardown().finally(() => process.exit(130));
  });
}
process.once("exit", teardownNow);

main(options)
  .catch((err: unknown) => {
    console.error(`bench: ${(err as Error).message ?? String(err)}`);
    return 1;
  })
  .then(async (code) => {
    await teardown();
    process.exit(code);
  });
