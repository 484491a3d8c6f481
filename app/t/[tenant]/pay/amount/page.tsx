import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getI18n } from "@/lib/i18n/get-locale";
import { readPatientSession } from "@/lib/patients/session-cookie";
import { loadSessionPatient } from "@/lib/patients/session-patient";
import { getPortalTenant } from "@/lib/tenancy/get-portal-tenant";
import { PayForm } from "../../_components/pay-form";
import { payLabels } from "../../_components/pay-labels";
import { SessionEnded } from "../../_components/session-ended";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: t.pay.amountTitle };
}

type Props = { params: Promise<{ tenant: string }> };

// Pay now, step 2 (and "another amount" after verifying): the amount. The balance is not shown here.
export default async function PayAmount({ params }: Props) {
  const [tenant, { t, intl }] = await Promise.all([(async () => getPortalTenant((await params).tenant))(), getI18n()]);
  if (!tenant) notFound();
  const session = await readPatientSession(tenant.id);
  if (!session) return <SessionEnded t={t} />;
  const found = await loadSessionPatient(await getDb(), session);
  if (!found) return <SessionEnded t={t} />;
  return (
    <section aria-labelledby="amount-title" className="space-y-4">
      <h1 id="amount-title" className="text-2xl font-semibold">
        {t.pay.amountTitle}
      </h1>
      <p className="text-slate-700">
        {t.pay.paymentTo(found.clinicName ?? tenant.name)} · {t.pay.forPatient(found.patient.preferredName ?? found.patient.firstName)}
      </p>
      <PayForm labels={payLabels(t, intl, tenant, session.verifiedAt !== null)} />
    </section>
  );
}
