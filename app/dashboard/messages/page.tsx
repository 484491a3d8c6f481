import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { DateClinicFilters } from "@/app/dashboard/_components/date-clinic-filters";
import { filterQuery } from "@/app/dashboard/_components/filter-query";
import { listClinics } from "@/lib/tenancy/list-clinics";
import { requireMember } from "@/lib/auth/guards";
import { listRequests, requestFiltersSchema } from "@/lib/message-to-pay/list-requests";
import { REQUEST_STATES } from "@/lib/message-to-pay/request-state";
import { formatCents } from "@/lib/money";
import { MessagesNav } from "./_components/messages-nav";
import { RevokeButton } from "./_components/revoke-button";
import { STATE_LABEL, StateBadge } from "./_components/state-badge";
import { TextBudgetAlert } from "./_components/text-budget-alert";

export const metadata: Metadata = { title: "Message-to-Pay requests" };

// Every Message-to-Pay request with its state, filtered by the URL, and what was requested vs collected.
export default async function RequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenant } = await requireMember({ returnTo: "/dashboard/messages" });
  const filters = requestFiltersSchema.parse(await searchParams);
  const db = await getDb();
  const [clinicList, result] = await Promise.all([
    listClinics(db, tenant.id),
    listRequests(db, tenant.id, tenant.timeZone, filters),
  ]);
  const query = (extra: Record<string, string>) => filterQuery(filters, extra);
  const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: tenant.timeZone });
  const money = (c: number) => formatCents(c, tenant.currency);
  return (
    <div className="space-y-5">
      <h1 className="text-3xl font-bold tracking-tight">Messages</h1>
      <MessagesNav current="/dashboard/messages" />
      <TextBudgetAlert tenantId={tenant.id} />
      <section aria-labelledby="totals-title" className="grid gap-3 sm:grid-cols-3">
        <h2 id="totals-title" className="sr-only">
          Totals
        </h2>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-700">Requests</p>
          <p className="text-2xl font-bold tabular-nums" data-testid="total-requests">{result.totals.count}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-700">Requested</p>
          <p className="text-2xl font-bold tabular-nums">{money(result.totals.requestedCents)}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-700">Collected through links</p>
          <p className="text-2xl font-bold tabular-nums">{money(result.totals.collectedCents)}</p>
        </div>
      </section>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Filter requests">
        <div>
          <label htmlFor="state" className="block text-sm font-medium">State</label>
          <select id="state" name="state" defaultValue={filters.state ?? ""} className="rounded-md border border-slate-500 px-2 py-1.5">
            <option value="">Any</option>
            {REQUEST_STATES.map((s) => (
              <option key={s} value={s}>{STATE_LABEL[s]}</option>
            ))}
          </select>
        </div>
        <DateClinicFilters from={filters.from} to={filters.to} clinic={filters.clinic} clinics={clinicList} fromLabel="Sent from" />
        {filters.batch ? <input type="hidden" name="batch" value={filters.batch} /> : null}
        <button type="submit" className="rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900">Apply</button>
        <Link href="/dashboard/messages" className="py-2 text-sm font-medium text-teal-900 underline">Clear</Link>
      </form>
      {result.rows.length === 0 ? (
        <p className="text-slate-700">
          No requests match. Send one from a <Link href="/dashboard/patients" className="font-medium text-teal-900 underline">patient&apos;s page</Link> or start a <Link href="/dashboard/messages/new" className="font-medium text-teal-900 underline">new batch</Link>.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2">Sent</th>
                <th scope="col" className="px-3 py-2">Patient</th>
                <th scope="col" className="px-3 py-2">Clinic</th>
                <th scope="col" className="px-3 py-2">Via</th>
                <th scope="col" className="px-3 py-2 text-right">Requested</th>
                <th scope="col" className="px-3 py-2 text-right">Paid</th>
                <th scope="col" className="px-3 py-2">State</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-100" data-request-id={r.id}>
                  <td className="px-3 py-2 whitespace-nowrap">{when.format(r.createdAt)}</td>
                  <td className="px-3 py-2">
                    <Link href={`/dashboard/patients/${r.patientId}`} className="font-medium text-teal-900 underline">
                      {r.lastName}, {r.firstName}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{r.clinicName ?? "—"}</td>
                  <td className="px-3 py-2">{r.channels.map((c) => (c === "sms" ? "Text" : "Email")).join(" + ")}{r.remindersSent > 0 ? ` · ${r.remindersSent} reminder${r.remindersSent === 1 ? "" : "s"}` : ""}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(r.balanceCents)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.paidCents > 0 ? money(r.paidCents) : "—"}</td>
                  <td className="px-3 py-2"><StateBadge state={r.state} /></td>
                  <td className="px-3 py-2">
                    {r.state !== "revoked" && r.state !== "expired" && r.state !== "paid" ? <RevokeButton requestId={r.id} label={`Revoke the link sent to ${r.firstName} ${r.lastName}`} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages" className="flex gap-3">
        {result.page > 1 ? <Link className="rounded-md border border-slate-400 bg-white px-3 py-1.5" href={`/dashboard/messages?${query({ page: String(result.page - 1) })}`}>Newer</Link> : null}
        {result.hasMore ? <Link className="rounded-md border border-slate-400 bg-white px-3 py-1.5" href={`/dashboard/messages?${query({ page: String(result.page + 1) })}`}>Older</Link> : null}
      </nav>
    </div>
  );
}
