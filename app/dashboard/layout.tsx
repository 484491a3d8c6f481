import Link from "next/link";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/guards";
import { findMembership } from "@/lib/auth/membership";
import { signOutAction } from "@/lib/auth/sign-out-action";
import { DashboardNav } from "./_components/dashboard-nav";

// Signed-in only, but NOT requireMember: /dashboard/new-practice lives under this layout and is
// exactly where people without a practice go. Each page runs its own guard.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const membership = await findMembership(await getDb(), user.id);
  return (
    <div className="min-h-dvh">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <Link href="/dashboard" className="font-semibold tracking-wide text-teal-800 uppercase">
            Chairside
          </Link>
          <div className="flex items-center gap-3">
            <span className="max-w-[50vw] truncate text-sm text-slate-700">{user.name ?? user.email}</span>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      {membership ? <DashboardNav /> : null}
      <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
