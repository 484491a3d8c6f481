import type { Metadata } from "next";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clinics } from "@/db/schema";
import { requireMember } from "@/lib/auth/guards";
import { portalLinks, qrSvg, websiteButtonHtml } from "@/lib/tenancy/portal-links";
import { loadSetupState } from "@/lib/tenancy/setup-state";
import { SetupBanners } from "../_components/banners";
import { PortalCopyField } from "./copy-field";

export const metadata: Metadata = { title: "Portal link" };

// Setup step 3: the links patients use, as text, QR code and a website button.
export default async function PortalLinkPage() {
  const { tenant } = await requireMember({ returnTo: "/dashboard/portal-link" });
  const db = await getDb();
  const [state, clinicList] = await Promise.all([loadSetupState(db, tenant.id), db.select().from(clinics).where(eq(clinics.tenantId, tenant.id)).orderBy(asc(clinics.createdAt))]);
  const links = portalLinks(tenant.slug, clinicList);
  const ready = state.key.state === "active" && state.processor.state === "ready";
  const qrs = await Promise.all(links.map((l) => qrSvg(l.url)));
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Your portal link</h1>
      <SetupBanners state={state} />
      {!ready ? (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
          Finish {state.key.state !== "active" ? "your registration key" : ""}
          {state.key.state !== "active" && state.processor.state !== "ready" ? " and " : ""}
          {state.processor.state !== "ready" ? "connecting your card processor" : ""} first: until then patients who open this link see an “online payments aren&apos;t
          available” page.
        </p>
      ) : null}
      <div className={ready ? "space-y-6" : "space-y-6 opacity-60"} aria-disabled={!ready}>
        {links.map((link, i) => (
          <section key={link.url} aria-labelledby={`link-${i}`} className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-[1fr_auto]">
            <div className="min-w-0 space-y-3">
              <h2 id={`link-${i}`} className="text-xl font-semibold">
                {link.label}
              </h2>
              <PortalCopyField id={`url-${i}`} label="Link for your website, emails and statements" value={link.url} />
              <PortalCopyField id={`html-${i}`} label="Website button (HTML)" value={websiteButtonHtml(link.url, tenant.name, tenant.accentColor)} multiline />
              <p className="flex flex-wrap gap-4 text-sm">
                <a className="font-medium text-teal-900 underline" href={link.url} target="_blank" rel="noopener">
                  Open as a patient (new tab)
                </a>
                <a className="font-medium text-teal-900 underline" href={`/api/dashboard/qr?format=png${link.clinicSlug ? `&clinic=${link.clinicSlug}` : ""}`}>
                  Download QR code (PNG)
                </a>
                <a className="font-medium text-teal-900 underline" href={`/api/dashboard/qr?format=svg${link.clinicSlug ? `&clinic=${link.clinicSlug}` : ""}`}>
                  Download QR code (SVG)
                </a>
              </p>
            </div>
            <div className="w-40 justify-self-center" role="img" aria-label={`QR code for ${link.url}`} dangerouslySetInnerHTML={{ __html: qrs[i]! }} />
          </section>
        ))}
      </div>
    </div>
  );
}
