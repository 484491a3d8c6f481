import fs from "node:fs";
import path from "node:path";
import { spawnGroup } from "./process-group";
import { atTeardown } from "./teardown";

/** The benchmark's own build output; `.next` belongs to a dev server and `.next-e2e` to e2e runs. */
export const BENCH_DIST_DIR = ".next-bench";

// `next build` points tsconfig.json's include and next-env.d.ts at whichever dist dir it builds into.
// Left alone, everyone's `tsc` would start reading .next-bench's generated types; we take our part back out.

/** Output of the last successful bench build. */
export function buildLogPath(root: string): string {
  return path.join(root, BENCH_DIST_DIR, "bench-build.log");
}

/** True when the dist dir holds a finished build. */
export function hasBuild(root: string): boolean {
  return fs.existsSync(path.join(root, BENCH_DIST_DIR, "BUILD_ID"));
}

function readIfExists(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

const isOurs = (entry: unknown) => typeof entry === "string" && entry.startsWith(`${BENCH_DIST_DIR}/`);

function parseTsconfig(text: string | null): { include?: unknown[] } | null {
  try {
    // Next.js writes plain JSON (2-space indent); a tsconfig with comments is left to a human.
    return text === null ? null : (JSON.parse(text) as { include?: unknown[] });
  } catch {
    return null;
  }
}

/** Drops the include entries the build added for .next-bench, keeping any other change made meanwhile. */
function undoTsconfigEdit(file: string, before: string | null): void {
  const after = readIfExists(file);
  if (after === null || after === before) return;
  const now = parseTsconfig(after);
  const was = parseTsconfig(before);
  if (!now || !Array.isArray(now.include)) return;
  const hadOurs = was?.include?.some(isOurs) ?? false;
  if (hadOurs || !now.include.some(isOurs)) return;
  now.include = now.include.filter((e) => !isOurs(e));
  // Byte-for-byte restore when our entries were the only change, else Next's own formatting.
  const onlyOurs = was !== null && JSON.stringify(now) === JSON.stringify(was);
  fs.writeFileSync(file, onlyOurs && before !== null ? before : `${JSON.stringify(now, null, 2)}\n`);
}

/** Puts back next-env.d.ts when the build pointed it at .next-bench's route types. */
function undoNextEnvEdit(file: string, before: string | null): void {
  const after = readIfExists(file);
  const ours = `./${BENCH_DIST_DIR}/`;
  if (before === null || after === null || after === before || before.includes(ours) || !after.includes(ours)) return;
  fs.writeFileSync(file, before);
}

/** Runs `npm run build` into .next-bench; throws with the end of the build log when it fails. */
export async function buildApp(root: string): Promise<void> {
  const tsconfig = path.join(root, "tsconfig.json");
  const nextEnv = path.join(root, "next-env.d.ts");
  const before = { tsconfig: readIfExists(tsconfig), nextEnv: readIfExists(nextEnv) };
  const build = spawnGroup("npm", ["run", "build"], {
    cwd: root,
    env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const undo = () => {
    undoTsconfigEdit(tsconfig, before.tsconfig);
    undoNextEnvEdit(nextEnv, before.nextEnv);
  };
  const unregister = atTeardown({
    label: "stop the build",
    run: async () => {
      await build.stop();
      undo();
    },
    runNow: () => {
      build.stopNow();
      undo();
    },
  });
  const code = await build.exited.finally(() => {
    unregister();
    undo();
  });
  if (code !== 0) {
    const tail = build.output().trimEnd().split("\n").slice(-40).join("\n");
    throw new Error(`next build failed (exit ${code}); last lines:\n${tail}`);
  }
  // Kept for the route table (○ static / ƒ dynamic), which explains most throughput ratios.
  fs.writeFileSync(buildLogPath(root), build.output());
}
