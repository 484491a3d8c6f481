import type { RunningApp } from "./app-server";
import type { BenchOptions } from "./options";
import type { Table } from "./report-table";

// A scenario measures something and reports it as ratios against a baseline it measures itself,
// in the same run, on the same server. Absolute figures are printed for context only.

export interface BenchContext {
  app: RunningApp;
  options: BenchOptions;
  /** Progress line on stderr (the report goes to stdout). */
  log(line: string): void;
}

export interface ScenarioReport {
  table: Table;
  /** What the baseline was, settings, anomalies (non-2xx, errors, pages not available). */
  notes: string[];
}

export interface Scenario {
  /** Short name for --only, e.g. "page-throughput". */
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<ScenarioReport>;
}

/** The practice every fresh embedded database is seeded with (DEMO.slug in db/seed.ts). */
export const DEMO_SLUG = "bright-smiles";

export interface Page {
  label: string;
  host: string;
  path: string;
}

/**
 * The pages the page scenarios compare. The baseline is the root site page: no data and next to no
 * client JavaScript, so it stands for "what the framework costs on its own". It is meant to be
 * prerendered; page-throughput says so in its notes when the build made it dynamic.
 */
export function benchPages(app: RunningApp): { baseline: Page; patientPages: Page[] } {
  const tenant = app.tenantHost(DEMO_SLUG);
  return {
    baseline: { label: "site / (baseline)", host: app.rootHost, path: "/" },
    patientPages: [
      { label: "patient landing /", host: tenant, path: "/" },
      { label: "identity /pay", host: tenant, path: "/pay" },
    ],
  };
}
