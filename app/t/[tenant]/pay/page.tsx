import { notFound } from "next/navigation";
import { getI18n } from "@/lib/i18n/get-locale";
import { getPortalTenant } from "@/lib/tenancy/get-portal-tenant";
import { IdentityForm } from "../_components/identity-form";
import { identityLabels } from "../_components/identity-labels";
import { identifyForPayNow } from "./actions";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: t.identity.payNowTitle };
}

type Props = { params: Promise<{ tenant: string }> };

// Pay now, step 1: who is paying. The balance is never shown on this path.
export default async function PayNowIdentity({ params }: Props) {
  const [tenant, { t }] = await Promise.all([(async () => getPortalTenant((await params).tenant))(), getI18n()]);
  if (!tenant) notFound();
  return (
    <section aria-labelledby="pay-title" className="space-y-4">
      <h1 id="pay-title" className="text-2xl font-semibold">
        {t.identity.payNowTitle}
      </h1>
      <p className="text-slate-700">{t.identity.intro}</p>
      <IdentityForm action={identifyForPayNow} labels={identityLabels(t)} phone={tenant.phone} />
    </section>
  );
}
