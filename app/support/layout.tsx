import Link from "next/link";
import { requireSupport } from "@/lib/auth/guards";
import { signOutAction } from "@/lib/auth/sign-out-action";

const NAV = [
  { href: "/support/tenants", label: "Practices" },
  { href: "/support/keys", label: "Registration keys" },
  { href: "/support/audit", label: "Audit trail" },
  { href: "/support/staff", label: "Support staff" },
];

// The console's frame. Every page under it runs requireSupport() itself too (layouts don't re-run on
// client navigation); this one keeps the nav from rendering for anyone else.
export default async function SupportLayout({ children }: { children: React.ReactNode }) {
  const user = await requireSupport();
  return (
    <div className="min-h-dvh">
      <header className="border-b border-slate-200 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <Link href="/support" className="font-semibold tracking-wide uppercase">
            Chairside support
          </Link>
          <div className="flex items-center gap-3">
            <span className="max-w-[50vw] truncate text-sm">
              {user.email} ({user.platformRole})
            </span>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-700">
                Sign out
              </button>
            </form>
          </div>
        </div>
        <nav aria-label="Support console" className="mx-auto max-w-6xl px-4 pb-2 sm:px-6">
          <ul className="flex flex-wrap gap-4">
            {NAV.map((n) => (
              <li key={n.href}>
                <Link href={n.href} className="underline-offset-4 hover:underline">
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {children}
    </div>
  );
}
