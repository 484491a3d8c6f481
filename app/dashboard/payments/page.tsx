import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { DateClinicFilters } from "@/app/dashboard/_components/date-clinic-filters";
import { filterQuery } from "@/app/dashboard/_components/filter-query";
import { listClinics } from "@/lib/tenancy/list-clinics";
import { requireMember } from "@/lib/auth/guards";
import { formatCents } from "@/lib/money";
import { listPayments, paymentFiltersSchema } from "@/lib/payments/list-payments";
import { STATUS_LABEL, STATUS_STYLE } from "./labels";

export const metadata: Metadata = { title: "Payments" };

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenant } = await requireMember({ returnTo: "/dashboard/payments" });
  const filters = paymentFiltersSchema.parse(await searchParams);
  const db = await getDb();
  const [clinicList, result] = await Promise.all([
    listClinics(db, tenant.id),
    listPayments(db, tenant.id, tenant.timeZone, filters),
  ]);
  const query = (extra: Record<string, string>) => filterQuery(filters, extra);
  const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: tenant.timeZone });
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Payments</h1>
        <a href={`/dashboard/payments/export?${query({})}`} className="rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold hover:bg-slate-100">
          Export CSV
        </a>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Filter payments">
        <DateClinicFilters from={filters.from} to={filters.to} clinic={filters.clinic} clinics={clinicList} />
        <div>
          <label htmlFor="status" className="block text-sm font-medium">Status</label>
          <select id="status" name="status" defaultValue={filters.status ?? ""} className="rounded-md border border-slate-500 px-2 py-1.5">
            <option value="">Any</option>
            <option value="paid">Paid</option>
            <option value="pending">Pending</option>
            <option value="failed">Failed or canceled</option>
            <option value="refunded">Refunded</option>
          </select>
        </div>
        <div>
          <label htmlFor="posted" className="block text-sm font-medium">Posted to your software</label>
          <select id="posted" name="posted" defaultValue={filters.posted ?? ""} className="rounded-md border border-slate-500 px-2 py-1.5">
            <option value="">Either</option>
            <option value="no">Not yet (to post)</option>
            <option value="yes">Posted</option>
          </select>
        </div>
        {filters.patient ? <input type="hidden" name="patient" value={filters.patient} /> : null}
        <button type="submit" className="rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900">Apply</button>
        <Link href="/dashboard/payments" className="py-2 text-sm font-medium text-teal-900 underline">Clear</Link>
      </form>
      {result.rows.length === 0 ? (
        <p className="text-slate-700">No payments match. Payments appear here as soon as a patient pays online.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2">Date</th>
                <th scope="col" className="px-3 py-2">Patient</th>
                <th scope="col" className="px-3 py-2">Clinic</th>
                <th scope="col" className="px-3 py-2 text-right">Amount</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Posted</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map(({ payment: p, patientFirstName, patientLastName, clinicName }) => (
                <tr key={p.id} className="border-t border-slate-100">
                  <td className="px-3 py-2 whitespace-nowrap">
                    <Link className="font-medium text-teal-900 underline" href={`/dashboard/payments/${p.id}`}>{when.format(p.createdAt)}</Link>
                  </td>
                  <td className="px-3 py-2">{patientLastName}, {patientFirstName}</td>
                  <td className="px-3 py-2">{clinicName ?? "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCents(p.amountCents, p.currency)}</td>
                  <td className="px-3 py-2"><span className={`rounded px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[p.status]}`}>{STATUS_LABEL[p.status]}</span></td>
                  <td className="px-3 py-2">{p.postedAt ? "Posted" : p.succeededAt ? <strong>To post</strong> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages" className="flex gap-3">
        {result.page > 1 ? <Link className="rounded-md border border-slate-400 bg-white px-3 py-1.5" href={`/dashboard/payments?${query({ page: String(result.page - 1) })}`}>Newer</Link> : null}
        {result.hasMore ? <Link className="rounded-md border border-slate-400 bg-white px-3 py-1.5" href={`/dashboard/payments?${query({ page: String(result.page + 1) })}`}>Older</Link> : null}
      </nav>
    </div>
  );
}
