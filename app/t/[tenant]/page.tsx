import { notFound } from "next/navigation";
import { getPortalTenant } from "@/lib/tenancy/get-portal-tenant";

type Props = { params: Promise<{ tenant: string }> };

// The practice's portal landing page: who they are, and the ways in.
export default async function PracticeLanding({ params }: Props) {
  const tenant = await getPortalTenant((await params).tenant);
  if (!tenant) notFound();
  return (
    <section aria-labelledby="landing-title" className="space-y-4">
      <h1 id="landing-title" className="text-2xl font-semibold">
        {tenant.name}
      </h1>
      <p className="text-slate-700">Pay your dental bill online, safely, in a minute.</p>
      {tenant.clinics.length > 1 ? (
        <ul className="space-y-1 text-slate-700">
          {tenant.clinics.map((c) => (
            <li key={c.id}>
              <span className="font-medium">{c.name}</span>
              {c.address ? ` — ${c.address}` : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
