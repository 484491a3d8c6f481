import Link from "next/link";
import { getDb } from "@/db/client";
import { checkMemberAccess } from "@/lib/auth/access";
import { requireUser } from "@/lib/auth/guards";
import { readSessionRequest } from "@/lib/auth/session-request";
import { signOutAction } from "@/lib/auth/sign-out-action";
import { findRevokedKey } from "@/lib/registration-keys/revoked-key";
import { endViewFormAction } from "@/app/support/end-view-action";
import { DashboardNav } from "./_components/dashboard-nav";

const timeFmt = new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" });

// Signed-in only, but NOT requireMember: /dashboard/new-practice lives under this layout and is
// exactly where people without a practice go. Each page runs its own guard.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const db = await getDb();
  const access = await checkMemberAccess(db, await readSessionRequest());
  const ctx = access.ok ? access.ctx : null;
  const revoked = ctx && !ctx.supportView ? await findRevokedKey(db, ctx.tenant.id) : null;
  return (
    <div className="min-h-dvh">
      {ctx?.supportView ? (
        <div role="status" className="bg-amber-300 text-amber-950">
          <form action={endViewFormAction} className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 sm:px-6">
            <p className="flex-1">
              <strong>Viewing {ctx.tenant.name} as support — read-only</strong> — ends at {timeFmt.format(ctx.supportView.expiresAt)} UTC — reason: {ctx.supportView.reason}
            </p>
            <button type="submit" className="rounded-md border border-amber-950 bg-white px-3 py-1 text-sm font-semibold">
              End view
            </button>
          </form>
        </div>
      ) : null}
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
      {ctx ? <DashboardNav /> : null}
      {revoked ? (
        <div role="alert" className="mx-auto mt-4 max-w-5xl px-4 sm:px-6">
          <div className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
            <p className="font-semibold">Chairside support withdrew your registration key {revoked.formatted}, so your payment portal is closed.</p>
            <p>{revoked.reason ? `Reason: ${revoked.reason}. ` : ""}Contact Chairside support, or enter a new key under Registration key.</p>
          </div>
        </div>
      ) : null}
      <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
