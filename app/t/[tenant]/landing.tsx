import Link from "next/link";
import type { Messages } from "@/lib/i18n/messages/en";
import type { PortalTenant } from "@/lib/tenancy/portal-tenant";

type Clinic = PortalTenant["clinics"][number];

/** The two ways in, as big buttons; shared by the practice and clinic landing pages. */
export function Landing({ t, tenant, clinic }: { t: Messages; tenant: PortalTenant; clinic?: Clinic }) {
  const others = tenant.clinics.filter((c) => c.id !== clinic?.id);
  return (
    <section aria-labelledby="landing-title" className="space-y-6">
      <div className="space-y-2">
        <h1 id="landing-title" className="text-2xl font-semibold">
          {clinic ? clinic.name : tenant.name}
        </h1>
        <p className="text-lg text-slate-700">{t.landing.lead}</p>
      </div>
      <div className="space-y-3">
        <Link href="/pay" className="block rounded-xl bg-[var(--accent)] px-5 py-4 text-white shadow-sm hover:brightness-110 focus-visible:brightness-110">
          <span className="block text-xl font-semibold">{t.landing.payNow}</span>
          <span className="block text-base text-white/95">{t.landing.payNowHint}</span>
        </Link>
        <Link href="/verify" className="block rounded-xl border-2 border-[var(--accent)] bg-white px-5 py-4 text-slate-900 shadow-sm hover:bg-slate-50">
          <span className="block text-xl font-semibold">{t.landing.seeBalance}</span>
          <span className="block text-base text-slate-700">{t.landing.seeBalanceHint}</span>
        </Link>
      </div>
      {tenant.clinics.length > 1 ? (
        <nav aria-labelledby="clinics-title" className="space-y-2">
          <h2 id="clinics-title" className="text-base font-semibold text-slate-800">
            {t.landing.chooseClinic}
          </h2>
          <ul className="space-y-1">
            {(clinic ? others : tenant.clinics).map((c) => (
              <li key={c.id}>
                <Link href={`/c/${c.slug}`} className="block rounded-md py-2 text-slate-800 underline">
                  {c.name}
                  {c.address ? <span className="block text-sm text-slate-600 no-underline">{c.address}</span> : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}
