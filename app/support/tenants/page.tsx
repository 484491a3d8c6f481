import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireSupport } from "@/lib/auth/guards";
import { formatKey } from "@/lib/registration-keys/key-format";
import { listTenants } from "@/lib/support/list-tenants";
import { TENANT_FILTERS, tenantListQuerySchema } from "@/lib/support/tenant-schemas";
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
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Find practices">
        <div>
          <label htmlFor="tenant-q" className="block font-medium">Search</label>
          <input id="tenant-q" name="q" defaultValue={query.q} placeholder="Name, subdomain, key, owner email" className="w-72 rounded-md border border-slate-500 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="tenant-state" className="block font-medium">Setup state</label>
          <select id="tenant-state" name="state" defaultValue={query.state} className="rounded-md border border-slate-500 px-3 py-2">
            {TENANT_FILTERS.map((f) => (
              <option key={f} value={f}>{FILTER_LABELS[f]}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold">Apply</button>
      </form>
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
