import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getI18n } from "@/lib/i18n/get-locale";
import { getPortalTenant } from "@/lib/tenancy/get-portal-tenant";
import { slugRedirectTarget } from "@/lib/tenancy/get-slug-redirect";
import { portalAvailability } from "@/lib/tenancy/portal-tenant";
import { PortalUnavailable } from "./portal-unavailable";
import { TelLink } from "./tel-link";

type Props = { children: React.ReactNode; params: Promise<{ tenant: string }> };

export async function generateMetadata({ params }: Omit<Props, "children">): Promise<Metadata> {
  const tenant = await getPortalTenant((await params).tenant);
  // Each step names itself ("Enter your code · Bright Smiles Dental") so screen readers announce the change.
  return tenant ? { title: { template: `%s · ${tenant.name}`, default: tenant.name }, robots: { index: false, follow: false } } : {};
}

// Every patient page of a practice: branding, language switch, and the gate that closes the portal.
export default async function PracticeLayout({ children, params }: Props) {
  const [tenant, { locale, t }] = await Promise.all([(async () => getPortalTenant((await params).tenant))(), getI18n()]);
  if (!tenant) {
    // A practice that changed its subdomain keeps its old host for a while: same page, new host (308).
    const moved = await slugRedirectTarget((await params).tenant);
    if (moved) permanentRedirect(moved);
    notFound();
  }
  const availability = portalAvailability(tenant);
  return (
    <div lang={locale} className="flex min-h-dvh flex-col" style={{ "--accent": tenant.accentColor } as React.CSSProperties}>
      <header className="border-b border-slate-200 bg-white print:border-0">
        <div className="mx-auto flex max-w-xl items-center gap-3 px-4 py-3">
          {tenant.logoDataUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- a small data: URL; next/image adds nothing here
            <img src={tenant.logoDataUrl} alt="" width={40} height={40} className="h-10 w-10 rounded object-contain" />
          ) : null}
          <p className="flex-1 text-lg font-semibold">{tenant.name}</p>
          <a href={`/lang?to=${locale === "en" ? "es" : "en"}`} lang={locale === "en" ? "es" : "en"} className="rounded px-2 py-2 text-base font-medium text-slate-800 underline print:hidden">
            {t.switchTo}
          </a>
        </div>
      </header>
      <main className="mx-auto w-full max-w-xl flex-1 px-4 py-6">
        {availability === "live" ? children : <PortalUnavailable t={t} name={tenant.name} phone={tenant.phone} suspended={availability === "suspended"} />}
      </main>
      <footer className="mx-auto w-full max-w-xl px-4 py-6 text-sm text-slate-700 print:hidden">
        {tenant.phone ? <p>{t.common.callUs} <TelLink phone={tenant.phone} /></p> : null}
        <p className="mt-1">{t.common.poweredBy}</p>
      </footer>
    </div>
  );
}
