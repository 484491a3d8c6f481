import { notFound } from "next/navigation";
import { getI18n } from "@/lib/i18n/get-locale";
import { getPortalTenant } from "@/lib/tenancy/get-portal-tenant";
import { Landing } from "./landing";

type Props = { params: Promise<{ tenant: string }> };

// <slug>.<root>/ — the practice's portal landing page.
export default async function PracticeLanding({ params }: Props) {
  const [tenant, { t }] = await Promise.all([getPortalTenant((await params).tenant), getI18n()]);
  if (!tenant) notFound();
  return <Landing t={t} tenant={tenant} />;
}
