import Link from "next/link";

const LINKS = [
  { href: "/dashboard/messages", label: "Requests" },
  { href: "/dashboard/messages/new", label: "New batch" },
  { href: "/dashboard/messages/templates", label: "Templates" },
  { href: "/dashboard/messages/settings", label: "Settings" },
];

/** The Messages section's own links, marking the current one. */
export function MessagesNav({ current }: { current: string }) {
  return (
    <nav aria-label="Messages" className="flex flex-wrap gap-2">
      {LINKS.map((l) => (
        <Link
          key={l.href}
          href={l.href}
          aria-current={l.href === current ? "page" : undefined}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100 aria-[current=page]:border-teal-800 aria-[current=page]:bg-teal-800 aria-[current=page]:text-white"
        >
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
