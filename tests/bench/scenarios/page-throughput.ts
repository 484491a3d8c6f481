import type { IncomingHttpHeaders } from "node:http";
import { httpGet, isOk } from "../http-get";
import { combineSlices, loadSlice, type LoadFigures, type LoadSlice } from "../load-test";
import { ms, perSec, ratio } from "../report-table";
import { benchPages, type Page, type Scenario } from "../scenario";

// Requests per second and latency of the patient pages, relative to the root site page.
// Patient pages should be cached per practice (STACK-NOTES), so a ratio far below 1 is news.

/** Next.js marks a prerendered page it serves from its cache; a per-request render gets `private, no-store`. */
function servedPrerendered(headers: IncomingHttpHeaders): boolean {
  return headers["x-nextjs-cache"] !== undefined || headers["x-nextjs-prerender"] !== undefined || /s-maxage/.test(headers["cache-control"] ?? "");
}

function statusSummary(f: LoadFigures): string {
  return Object.entries(f.statusCodes)
    .map(([code, n]) => `${n}×${code}`)
    .join(", ");
}

export const pageThroughput: Scenario = {
  name: "page-throughput",
  title: "Page throughput (autocannon)",
  async run({ app, options, log }) {
    const { baseline, patientPages } = benchPages(app);
    const { connections, durationSec, warmupSec } = options;
    // Slices under a second measure connection set-up more than the page.
    const rounds = Math.max(1, Math.min(options.rounds, Math.floor(durationSec)));
    const sliceSec = durationSec / rounds;
    const notes = [
      `${connections} connections; per page ${warmupSec} s warm-up, then ${durationSec} s measured as ${rounds} × ${sliceSec.toFixed(1)} s ` +
        "slices taken in turn with the other pages; ratios are page ÷ baseline.",
    ];

    const probe = await httpGet(app.port, baseline.host, baseline.path);
    if (!isOk(probe.status)) throw new Error(`baseline ${baseline.label} answered HTTP ${probe.status}; nothing to compare against`);
    if (!servedPrerendered(probe.headers)) {
      notes.push(
        `NOTE: the baseline is rendered per request (Cache-Control: ${probe.headers["cache-control"] ?? "none"}), not served prerendered; ` +
          "ratios compare against a dynamic page with no data, not a static one. The build's route table (○ vs ƒ) says why.",
      );
    }

    const measured: Page[] = [baseline];
    const unavailable = new Map<Page, number>();
    for (const page of patientPages) {
      const res = await httpGet(app.port, page.host, page.path);
      if (isOk(res.status)) measured.push(page);
      else unavailable.set(page, res.status);
    }

    if (warmupSec > 0) {
      for (const page of measured) {
        log(`warm-up: ${page.label}`);
        await loadSlice(app.port, page.host, page.path, connections, warmupSec);
      }
    }
    const slices = new Map<Page, LoadSlice[]>(measured.map((p) => [p, []]));
    for (let round = 1; round <= rounds; round++) {
      log(`round ${round}/${rounds}`);
      for (const page of measured) slices.get(page)!.push(await loadSlice(app.port, page.host, page.path, connections, sliceSec));
    }
    const figures = new Map<Page, LoadFigures>(measured.map((p) => [p, combineSlices(slices.get(p)!)]));
    const base = figures.get(baseline)!;

    const columns = ["route", "req/s", "p50", "p99", "non-2xx", "req/s ×", "p99 ×"];
    const rows = [baseline, ...patientPages].map((page) => {
      const f = figures.get(page);
      if (!f) return [page.label, `not available (HTTP ${unavailable.get(page)})`];
      if (f.non2xx > 0) notes.push(`${page.label}: statuses ${statusSummary(f)}`);
      if (f.errors > 0) notes.push(`${page.label}: ${f.errors} connection errors or timeouts`);
      return [page.label, perSec(f.reqPerSec), ms(f.p50Ms), ms(f.p99Ms), String(f.non2xx), ratio(f.reqPerSec, base.reqPerSec), ratio(f.p99Ms, base.p99Ms)];
    });
    return { table: { columns, rows }, notes };
  },
};
