import { notFound } from "next/navigation";
import { getI18n } from "@/lib/i18n/get-locale";
import { getPortalTenant } from "@/lib/tenancy/get-portal-tenant";
import { Landing } from "../../landing";

type Props = { params: Promise<{ tenant: string; clinic: string }> };

// <slug>.<root>/c/<clinic> — one clinic's portal link.
export default async function ClinicLanding({ params }: Props) {
  const { tenant: slug, clinic: clinicSlug } = await params;
  const [tenant, { t }] = await Promise.all([getPortalTenant(slug), getI18n()]);
  const clinic = tenant?.clinics.find((c) => c.slug === clinicSlug);
  if (!tenant || !clinic) notFound();
  return <Landing t={t} tenant={tenant} clinic={clinic} />;
}
