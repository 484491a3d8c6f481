// Plain-text tables and the few number formats the report uses.

export interface Table {
  columns: string[];
  /** A row shorter than `columns` leaves the rest blank (e.g. a "not available" row). */
  rows: string[][];
}

/** Left-aligns the first column and right-aligns the others. */
export function formatTable({ columns, rows }: Table): string {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    widths
      .map((w, i) => {
        const cell = cells[i] ?? "";
        return i === 0 ? cell.padEnd(w) : cell.padStart(w);
      })
      .join("  ")
      .trimEnd();
  return [line(columns), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** `value / baseline` as "0.21×"; "n/a" when the baseline is zero. */
export function ratio(value: number, baseline: number): string {
  if (baseline === 0) return "n/a";
  const r = value / baseline;
  return `${r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`;
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
export const ms = (n: number) => `${Math.round(n)} ms`;
export const perSec = (n: number) => n.toFixed(0);
