import { notFound } from "next/navigation";
import { getI18n } from "@/lib/i18n/get-locale";
import { getPortalTenant } from "@/lib/tenancy/get-portal-tenant";
import { IdentityForm } from "../_components/identity-form";
import { identityLabels } from "../_components/identity-labels";
import { identifyForVerify } from "./actions";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: t.identity.verifyTitle };
}

type Props = { params: Promise<{ tenant: string }> };

// Pay and Verify, step 1: who the patient is.
export default async function VerifyIdentity({ params }: Props) {
  const [tenant, { t }] = await Promise.all([(async () => getPortalTenant((await params).tenant))(), getI18n()]);
  if (!tenant) notFound();
  return (
    <section aria-labelledby="verify-title" className="space-y-4">
      <h1 id="verify-title" className="text-2xl font-semibold">
        {t.identity.verifyTitle}
      </h1>
      <p className="text-slate-700">{t.identity.intro}</p>
      <IdentityForm action={identifyForVerify} labels={identityLabels(t)} phone={tenant.phone} />
    </section>
  );
}
