import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getI18n } from "@/lib/i18n/get-locale";
import type { Messages } from "@/lib/i18n/messages/en";
import { linkLookupRule } from "@/lib/message-to-pay/link-rate-limit";
import { openPaymentLink } from "@/lib/message-to-pay/open-link";
import { formatCents } from "@/lib/money";
import { requestIp } from "@/lib/platform/request-ip";
import { consumeRateLimit } from "@/lib/rate-limit/consume";
import { getPortalTenant } from "@/lib/tenancy/get-portal-tenant";
import { portalAvailability, type PortalTenant } from "@/lib/tenancy/portal-tenant";
import { ActionForm } from "../../_components/action-form";
import { TelLink } from "../../tel-link";
import { payFromLinkAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: t.messageLink.title, referrer: "no-referrer" as const };
}

type Props = { params: Promise<{ tenant: string; token: string }> };

function LinkEnded({ t, tenant, expired }: { t: Messages; tenant: PortalTenant; expired: boolean }) {
  return (
    <section aria-labelledby="ended-title" className="space-y-4">
      <h1 id="ended-title" className="text-2xl font-semibold">
        {t.messageLink.invalidTitle}
      </h1>
      <p className="text-slate-800">{expired ? t.messageLink.expiredBody : t.messageLink.invalidBody}</p>
      {tenant.phone ? (
        <p className="text-slate-800">
          {t.messageLink.callUs} <TelLink phone={tenant.phone} />
        </p>
      ) : null}
      <Link href="/" className="block rounded-xl bg-[var(--accent)] px-5 py-4 text-center text-xl font-semibold text-white">
        {t.messageLink.goToPortal}
      </Link>
    </section>
  );
}

// A patient's personal Message-to-Pay link: the statement it was sent with, what's left, and one Pay button.
// Shows the first name and amounts only — possession of the link is all the proof there is.
export default async function MessageLinkPage({ params }: Props) {
  const { tenant: slug, token } = await params;
  const [tenant, { t, intl }] = await Promise.all([getPortalTenant(slug), getI18n()]);
  if (!tenant) notFound();
  // The layout shows the "not available" notice instead; don't count an open the patient couldn't act on.
  if (portalAvailability(tenant) !== "live") return null;
  const db = await getDb();
  const limited = await consumeRateLimit(db, linkLookupRule(await requestIp()));
  if (!limited.allowed) {
    return (
      <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
        {t.messageLink.tooMany}
      </p>
    );
  }
  const link = await openPaymentLink(db, { tenantId: tenant.id, token, record: true });
  if (!link.ok) return <LinkEnded t={t} tenant={tenant} expired={link.reason !== "invalid"} />;

  const money = (c: number) => formatCents(c, link.request.currency, intl);
  const asOf = new Intl.DateTimeFormat(intl, { dateStyle: "long", timeZone: tenant.timeZone }).format(link.request.statementAsOf);
  const clinicName = tenant.clinics.find((c) => c.id === link.request.clinicId)?.name ?? tenant.name;
  return (
    <section aria-labelledby="link-title" className="space-y-6">
      <div className="space-y-1">
        <h1 id="link-title" className="text-2xl font-semibold">
          {t.messageLink.greeting(link.firstName)}
        </h1>
        <p className="text-slate-700">{t.messageLink.paymentTo(clinicName)}</p>
      </div>
      <dl className="space-y-2 rounded-xl border border-slate-200 bg-white p-5">
        <div className="flex justify-between gap-3">
          <dt className="text-slate-700">{t.messageLink.statementAsOf(asOf)}</dt>
          <dd className="tabular-nums">{money(link.statementCents)}</dd>
        </div>
        {link.paidSinceCents > 0 ? (
          <div className="flex justify-between gap-3">
            <dt className="text-slate-700">{t.messageLink.paidSince}</dt>
            <dd className="tabular-nums">−{money(link.paidSinceCents)}</dd>
          </div>
        ) : null}
        <div className="flex items-baseline justify-between gap-3 border-t border-slate-200 pt-2">
          <dt className="font-semibold">{t.messageLink.remaining}</dt>
          <dd className="text-3xl font-bold tabular-nums">{money(link.remainingCents)}</dd>
        </div>
      </dl>
      {link.remainingCents <= 0 ? (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-emerald-900">
          {t.messageLink.nothingOwed}
        </p>
      ) : (
        <ActionForm action={payFromLinkAction} submit={t.messageLink.pay(money(link.remainingCents))}>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="mode" value="full" />
        </ActionForm>
      )}
      <ActionForm action={payFromLinkAction} submit={t.messageLink.payOther} variant="secondary">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="mode" value="other" />
      </ActionForm>
      <p className="text-sm text-slate-700">{t.pay.secureNote}</p>
    </section>
  );
}
