import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireSupport } from "@/lib/auth/guards";
import { formatKey } from "@/lib/registration-keys/key-format";
import { listTenants } from "@/lib/support/list-tenants";
import { TENANT_FILTERS, tenantListQuerySchema } from "@/lib/support/tenant-schemas";
import { ListFilterForm } from "../_components/list-filter-form";
import { dateOnly, Paging } from "../_components/paging";

export async function generateMetadata(): Promise<Metadata> {
  await requireSupport();
  return { title: "Practices · Support" };
}

const FILTER_LABELS: Record<(typeof TENANT_FILTERS)[number], string> = {
  all: "All",
  "no-key": "No key",
  "no-processor": "No processor",
  live: "Live",
  suspended: "Suspended",
  lapsed: "Support lapsed",
};

export default async function TenantsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireSupport();
  const query = tenantListQuerySchema.parse(await searchParams);
  const { rows, hasMore } = await listTenants(await getDb(), query);
  return (
    <main className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Practices</h1>
      <ListFilterForm
        label="Find practices"
        idPrefix="tenant"
        q={query.q}
        searchPlaceholder="Name, subdomain, key, owner email"
        wideSearch
        select={{ name: "state", label: "Setup state", value: query.state, choices: TENANT_FILTERS.map((f) => ({ value: f, label: FILTER_LABELS[f] })) }}
      />
      {rows.length === 0 ? <p>No practices match.</p> : null}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">Practice</th>
              <th scope="col" className="p-2">Subdomain</th>
              <th scope="col" className="p-2">Status</th>
              <th scope="col" className="p-2">Key / support until</th>
              <th scope="col" className="p-2">Processor</th>
              <th scope="col" className="p-2">Owner</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <tr key={t.id} className="border-b border-slate-200">
                <td className="p-2">
                  <Link href={`/support/tenants/${t.id}`} className="font-semibold text-teal-800 underline">{t.name}</Link>
                </td>
                <td className="p-2">{t.slug}</td>
                <td className="p-2">{t.status}</td>
                <td className="p-2">{t.key ? `${formatKey(t.key)} · ${t.supportUntil ? dateOnly.format(t.supportUntil) : ""}` : "none"}</td>
                <td className="p-2">{t.processorKind ? `${t.processorKind}${t.chargesEnabled ? "" : " (not ready)"}` : "none"}</td>
                <td className="p-2">{t.ownerEmails ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Paging path="/support/tenants" params={{ state: query.state, q: query.q }} page={query.page} hasMore={hasMore} />
    </main>
  );
}
