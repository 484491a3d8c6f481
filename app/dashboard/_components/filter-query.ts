/** A list page's query string: its current filters with `extra` applied, empty values and the old page dropped. */
export function filterQuery(filters: object, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v !== undefined && v !== "" && k !== "page") q.set(k, String(v));
  if (extra.page) q.set("page", extra.page);
  return q.toString();
}
