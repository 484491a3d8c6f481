import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireSupport } from "@/lib/auth/guards";
import { auditQuerySchema } from "@/lib/audit/audit-query";
import { describeSummary, listAudit } from "@/lib/audit/list-audit";
import { dateTime, Paging } from "../_components/paging";

export async function generateMetadata(): Promise<Metadata> {
  await requireSupport();
  return { title: "Audit trail · Support" };
}

const FIELDS = [
  { name: "practice", label: "Practice (name or subdomain)" },
  { name: "actor", label: "Actor email" },
  { name: "action", label: "Action" },
] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireSupport();
  const query = auditQuerySchema.parse(await searchParams);
  const { rows, hasMore } = await listAudit(await getDb(), query);
  const params = { practice: query.practice, actor: query.actor, action: query.action, kind: query.kind, from: query.from, to: query.to };
  const exportQuery = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  return (
    <main className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Audit trail</h1>
      <form method="get" aria-label="Filter audit entries" className="flex flex-wrap items-end gap-3">
        {FIELDS.map((f) => (
          <div key={f.name}>
            <label htmlFor={`audit-${f.name}`} className="block font-medium">{f.label}</label>
            <input id={`audit-${f.name}`} name={f.name} defaultValue={query[f.name]} className="rounded-md border border-slate-500 px-3 py-2" />
          </div>
        ))}
        <div>
          <label htmlFor="audit-kind" className="block font-medium">Actor kind</label>
          <select id="audit-kind" name="kind" defaultValue={query.kind} className="rounded-md border border-slate-500 px-3 py-2">
            <option value="">Any</option>
            <option value="office">Office</option>
            <option value="support">Support</option>
            <option value="api">API</option>
            <option value="system">System</option>
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="block font-medium">From</label>
          <input id="audit-from" name="from" type="date" defaultValue={query.from} className="rounded-md border border-slate-500 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="audit-to" className="block font-medium">To</label>
          <input id="audit-to" name="to" type="date" defaultValue={query.to} className="rounded-md border border-slate-500 px-3 py-2" />
        </div>
        <button type="submit" className="rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold">Apply</button>
        <a href={`/support/audit/export?${exportQuery}`} className="py-2 font-semibold text-teal-800 underline">Download as CSV</a>
      </form>
      {rows.length === 0 ? <p>No entries match.</p> : null}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">Time (UTC)</th>
              <th scope="col" className="p-2">Practice</th>
              <th scope="col" className="p-2">Actor</th>
              <th scope="col" className="p-2">Action</th>
              <th scope="col" className="p-2">Before / after</th>
              <th scope="col" className="p-2">IP</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id} className="border-b border-slate-200 align-top">
                <td className="p-2 whitespace-nowrap">{dateTime.format(e.createdAt)}</td>
                <td className="p-2">{e.tenantName ?? "—"}</td>
                <td className="p-2">{e.actorEmail ?? "—"} ({e.actorKind})</td>
                <td className="p-2">{e.action}</td>
                <td className="p-2 break-all">{describeSummary(e.summary)}</td>
                <td className="p-2">{e.ip ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Paging path="/support/audit" params={params} page={query.page} hasMore={hasMore} />
    </main>
  );
}
