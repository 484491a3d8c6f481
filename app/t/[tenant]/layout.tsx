import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPortalTenant } from "@/lib/tenancy/get-portal-tenant";
import { portalAvailability } from "@/lib/tenancy/portal-tenant";
import { PortalUnavailable } from "./portal-unavailable";

type Props = { children: React.ReactNode; params: Promise<{ tenant: string }> };

export async function generateMetadata({ params }: Omit<Props, "children">): Promise<Metadata> {
  const tenant = await getPortalTenant((await params).tenant);
  return tenant ? { title: { absolute: `Pay ${tenant.name} online` }, robots: { index: false } } : {};
}

// Every patient page of a practice: branding, and the gate that closes the portal.
export default async function PracticeLayout({ children, params }: Props) {
  const tenant = await getPortalTenant((await params).tenant);
  if (!tenant) notFound();
  const availability = portalAvailability(tenant);
  return (
    <div className="flex min-h-dvh flex-col" style={{ "--accent": tenant.accentColor } as React.CSSProperties}>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-xl items-center gap-3 px-4 py-3">
          {tenant.logoDataUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- a small data: URL; next/image adds nothing here
            <img src={tenant.logoDataUrl} alt="" width={40} height={40} className="h-10 w-10 rounded object-contain" />
          ) : null}
          <p className="text-lg font-semibold">{tenant.name}</p>
        </div>
      </header>
      <main className="mx-auto w-full max-w-xl flex-1 px-4 py-6">
        {availability === "live" ? children : <PortalUnavailable name={tenant.name} phone={tenant.phone} suspended={availability === "suspended"} />}
      </main>
      <footer className="mx-auto w-full max-w-xl px-4 py-6 text-sm text-slate-600">
        {tenant.phone ? (
          <p>
            Questions? Call <a className="font-medium text-slate-800 underline" href={`tel:${tenant.phone.replace(/[^\d+]/g, "")}`}>{tenant.phone}</a>
          </p>
        ) : null}
        <p className="mt-1">Secure payments powered by Chairside.</p>
      </footer>
    </div>
  );
}
