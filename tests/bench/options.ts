import { parseArgs } from "node:util";

export interface BenchOptions {
  /** Reuse .next-bench when it holds a finished build. */
  skipBuild: boolean;
  /** Concurrent connections per load run. */
  connections: number;
  /** Seconds measured per target. */
  durationSec: number;
  /** Seconds of unmeasured load on each page before measuring. */
  warmupSec: number;
  /** The measured seconds are split into this many slices, interleaved across pages. */
  rounds: number;
  /** Scenario names to run; empty means all. */
  only: string[];
}

export const USAGE = `Usage: npm run bench -- [options]

  --no-build          reuse the last build in .next-bench (builds anyway if there is none)
  --connections <n>   concurrent connections per load run (default 10)
  --duration <s>      seconds measured per target (default 8)
  --warmup <s>        seconds of unmeasured load on each target first (default 2)
  --rounds <n>        split the measured seconds into n slices, taking the targets
                      in turn each round, so background load hits all alike (default 4)
  --only <names>      comma-separated scenario names (default: all)
  --help              show this text

Figures are ratios against a baseline measured in the same run; absolute numbers
depend on the machine and on whatever else it is doing.`;

function numberFlag(flag: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || n < min) throw new Error(`--${flag} must be a number of at least ${min}, got "${raw}"`);
  return n;
}

/** Parses the command line; returns null when --help was asked for. Throws on an unknown or bad flag. */
export function parseOptions(argv: string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      "no-build": { type: "boolean", default: false },
      connections: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      rounds: { type: "string" },
      only: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return null;
  return {
    skipBuild: values["no-build"] ?? false,
    connections: Math.round(numberFlag("connections", values.connections, 10, 1)),
    durationSec: numberFlag("duration", values.duration, 8, 1),
    warmupSec: numberFlag("warmup", values.warmup, 2, 0),
    rounds: Math.round(numberFlag("rounds", values.rounds, 4, 1)),
    only: (values.only ?? "").split(",").map((s) => s.trim()).filter(Boolean),
  };
}
