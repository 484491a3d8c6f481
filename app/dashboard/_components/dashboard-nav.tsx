import Link from "next/link";

const LINKS = [
  { href: "/dashboard", label: "Home" },
  { href: "/dashboard/payments", label: "Payments" },
  { href: "/dashboard/patients", label: "Patients" },
  { href: "/dashboard/messages", label: "Messages" },
  { href: "/dashboard/portal-link", label: "Portal link" },
  { href: "/dashboard/registration-key", label: "Registration key" },
  { href: "/dashboard/processor", label: "Card processor" },
  { href: "/dashboard/team", label: "Team" },
  { href: "/dashboard/api", label: "API" },
  { href: "/dashboard/settings", label: "Settings" },
];

/** The dashboard's sections; a plain list of links so it works by keyboard and without JS. */
export function DashboardNav() {
  return (
    <nav aria-label="Dashboard" className="border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-5xl gap-1 overflow-x-auto px-2 sm:px-4">
        {LINKS.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="block px-3 py-3 text-sm font-medium whitespace-nowrap text-slate-800 hover:text-teal-900 hover:underline">
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
