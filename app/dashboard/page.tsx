import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/guards";
import { loadCollectionStats } from "@/lib/payments/collection-stats";
import { loadSetupState } from "@/lib/tenancy/setup-state";
import { tenantUrl } from "@/lib/tenancy/urls";
import { SetupBanners } from "./_components/banners";
import { CollectionChart } from "./_components/collection-chart";
import { SetupChecklist } from "./_components/setup-checklist";

export const metadata: Metadata = { title: "Dashboard" };

const ROLE_LABEL = { owner: "Owner", staff: "Staff" } as const;

export default async function DashboardPage() {
  const { user, tenant, role } = await requireMember({ returnTo: "/dashboard" });
  const db = await getDb();
  const [state, stats] = await Promise.all([loadSetupState(db, tenant.id), loadCollectionStats(db, tenant.id, tenant.timeZone)]);
  const showChecklist = !state.live || !state.linkShared;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-3xl font-bold tracking-tight">{tenant.name}</h1>
        <p className="text-slate-700">
          Signed in as {user.name ?? user.email} · <span className="font-medium text-slate-900">{ROLE_LABEL[role]}</span>
        </p>
      </div>
      <SetupBanners state={state} />
      {showChecklist ? <SetupChecklist state={state} isOwner={role === "owner"} /> : null}
      {state.live ? (
        <section aria-labelledby="portal-title" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="portal-title" className="text-xl font-semibold">
            Your portal is live
          </h2>
          <p className="mt-1 text-slate-700">
            Patients pay at{" "}
            <a className="font-medium text-teal-900 underline" href={tenantUrl(tenant.slug)} target="_blank" rel="noopener">
              {tenantUrl(tenant.slug)}
            </a>
            .
          </p>
        </section>
      ) : null}
      <section aria-labelledby="money-title" className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-[2fr_1fr]">
        <div>
          <h2 id="money-title" className="text-xl font-semibold">
            Money collected
          </h2>
          <CollectionChart stats={stats} currency={tenant.currency} />
        </div>
        <div className="rounded-lg bg-slate-50 p-4">
          <p className="text-sm text-slate-700">Payments to post in your practice software</p>
          <p className="text-4xl font-bold">{stats.toPostCount}</p>
          <Link href="/dashboard/payments?posted=no" className="text-sm font-medium text-teal-900 underline">
            See payments to post
          </Link>
        </div>
      </section>
    </div>
  );
}
