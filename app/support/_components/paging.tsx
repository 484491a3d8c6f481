import Link from "next/link";

/** Previous/next links that keep the current GET filters. */
export function Paging({ path, params, page, hasMore }: { path: string; params: Record<string, string | undefined>; page: number; hasMore: boolean }) {
  const href = (p: number) => {
    const q = new URLSearchParams(Object.entries({ ...params, page: String(p) }).filter((e): e is [string, string] => Boolean(e[1])));
    return `${path}?${q}`;
  };
  return (
    <nav aria-label="Pages" className="flex gap-4">
      {page > 1 ? <Link className="text-teal-800 underline" href={href(page - 1)}>Previous page</Link> : null}
      {hasMore ? <Link className="text-teal-800 underline" href={href(page + 1)}>Next page</Link> : null}
    </nav>
  );
}

export const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
export const dateOnly = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
