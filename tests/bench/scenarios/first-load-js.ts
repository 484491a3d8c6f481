import { gzipSync } from "node:zlib";
import { httpGet, isOk } from "../http-get";
import { kb, ratio } from "../report-table";
import { benchPages, type Page, type Scenario } from "../scenario";

// What a patient's phone downloads before the page is interactive: every /_next/static script the
// HTML references, gzip-sized, against the same figure for the near-empty root page. Inline scripts
// (React's RSC payload, pushed into self.__next_f) are counted apart: they travel with the HTML.

const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const SRC_ATTR = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

interface PageScripts {
  srcs: string[];
  inline: string[];
}

/** Splits a page's <script> tags into /_next/static sources (deduplicated, noModule left out) and inline bodies. */
export function collectScripts(html: string): PageScripts {
  const srcs = new Set<string>();
  const inline: string[] = [];
  for (const [, attrs = "", body = ""] of html.matchAll(SCRIPT_TAG)) {
    const src = SRC_ATTR.exec(attrs);
    if (src) {
      const url = (src[1] ?? src[2] ?? "").replaceAll("&amp;", "&");
      // noModule scripts (Next's polyfills) are skipped by every browser that runs modules.
      if (url.startsWith("/_next/static/") && !/\bnomodule\b/i.test(attrs)) srcs.add(url);
    } else if (body.trim()) {
      inline.push(body);
    }
  }
  return { srcs: [...srcs], inline };
}

interface JsFigures {
  scripts: number;
  gzipBytes: number;
  inlineBytes: number;
  inlineGzipBytes: number;
  missing: string[];
}

const gzipSize = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

export const firstLoadJs: Scenario = {
  name: "first-load-js",
  title: "First-load JavaScript (gzip -9)",
  async run({ app, log }) {
    const { baseline, patientPages } = benchPages(app);
    // Patient pages share most chunks with each other and with the baseline; fetch each once.
    const chunkSizes = new Map<string, number | null>();

    async function measure(page: Page): Promise<JsFigures | number> {
      const res = await httpGet(app.port, page.host, page.path);
      if (!isOk(res.status)) return res.status;
      log(`scripts: ${page.label}`);
      const { srcs, inline } = collectScripts(res.body.toString("utf8"));
      let gzipBytes = 0;
      const missing: string[] = [];
      for (const src of srcs) {
        if (!chunkSizes.has(src)) {
          const chunk = await httpGet(app.port, page.host, src);
          chunkSizes.set(src, isOk(chunk.status) ? gzipSize(chunk.body) : null);
        }
        const size = chunkSizes.get(src);
        if (size == null) missing.push(src);
        else gzipBytes += size;
      }
      const inlineText = inline.join("\n");
      return {
        scripts: srcs.length,
        gzipBytes,
        inlineBytes: Buffer.byteLength(inlineText),
        inlineGzipBytes: inline.length ? gzipSize(inlineText) : 0,
        missing,
      };
    }

    const base = await measure(baseline);
    if (typeof base === "number") throw new Error(`baseline ${baseline.label} answered HTTP ${base}; nothing to compare against`);

    const columns = ["page", "scripts", "JS KB gz", "JS ×", "inline KB", "inline KB gz", "inline ×"];
    const row = (label: string, f: JsFigures) => [
      label,
      String(f.scripts),
      kb(f.gzipBytes),
      ratio(f.gzipBytes, base.gzipBytes),
      kb(f.inlineBytes),
      kb(f.inlineGzipBytes),
      ratio(f.inlineBytes, base.inlineBytes),
    ];
    const notes = [
      "JS = <script src> under /_next/static/ (noModule polyfills left out), each gzipped alone; inline = <script> bodies (RSC payload), ratio on raw bytes.",
    ];
    const rows: string[][] = [];
    const report = (label: string, f: JsFigures) => {
      rows.push(row(label, f));
      if (f.missing.length) notes.push(`${label}: ${f.missing.length} script(s) did not load: ${f.missing.join(", ")}`);
    };
    report(baseline.label, base);
    for (const page of patientPages) {
      const f = await measure(page);
      if (typeof f === "number") rows.push([page.label, `not available (HTTP ${f})`]);
      else report(page.label, f);
    }
    return { table: { columns, rows }, notes };
  },
};
