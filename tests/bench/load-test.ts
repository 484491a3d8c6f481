import autocannon, { type RawResult } from "autocannon";

// Load is applied in short slices so a page scenario can interleave its pages (baseline, page A,
// page B, baseline, …): on a shared machine the background load drifts, and interleaving spreads
// that drift over every page instead of landing on whichever page happened to run during it.

export interface LoadFigures {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /** Connection errors and timeouts (no HTTP status at all). */
  errors: number;
  /** Count per HTTP status, e.g. { "200": 1520, "500": 3 }. */
  statusCodes: Record<string, number>;
}

export interface LoadSlice {
  url: string;
  connections: number;
  raw: RawResult;
}

let current: { stop(): void } | undefined;

/** Stops a load run in progress (on Ctrl-C), so the process can exit. */
export function stopLoad(): void {
  current?.stop();
}

/** Loads one page on the local server for `seconds` with `connections` keep-alive connections. */
export async function loadSlice(port: number, host: string, path: string, connections: number, seconds: number): Promise<LoadSlice> {
  // Loopback plus an explicit Host: Node does not resolve *.localhost (see http-get.ts).
  const url = `http://127.0.0.1:${port}${path}`;
  const run = autocannon({ url, connections, duration: seconds, timeout: 10, headers: { host }, skipAggregateResult: true });
  current = run;
  try {
    return { url, connections, raw: await run };
  } finally {
    current = undefined;
  }
}

/** One page's figures over all its slices: latency percentiles over every request, req/s over the total time. */
export function combineSlices(slices: LoadSlice[]): LoadFigures {
  const first = slices[0];
  if (!first) throw new Error("no load slices to combine");
  const raws = slices.map((s) => s.raw);
  const r = autocannon.aggregateResult(raws, { url: first.url, connections: first.connections });
  const seconds = raws.reduce((sum, s) => sum + s.duration, 0);
  const completed = raws.reduce((sum, s) => sum + s.totalCompletedRequests, 0);
  return {
    reqPerSec: seconds > 0 ? completed / seconds : 0,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count])),
  };
}
