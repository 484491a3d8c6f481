import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db/client";
import { listClinics } from "@/lib/tenancy/list-clinics";
import { requireMember } from "@/lib/auth/guards";
import { formatCents } from "@/lib/money";
import { listPatients } from "@/lib/patients/list-patients";

export const metadata: Metadata = { title: "Patients" };

const querySchema = z.object({
  q: z.string().max(100).optional().catch(undefined),
  clinic: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export default async function PatientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenant } = await requireMember({ returnTo: "/dashboard/patients" });
  const query = querySchema.parse(await searchParams);
  const db = await getDb();
  const [clinicList, result] = await Promise.all([
    listClinics(db, tenant.id),
    listPatients(db, tenant.id, { q: query.q, clinicId: query.clinic, page: query.page }),
  ]);
  const pageHref = (page: number) => `/dashboard/patients?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.clinic ? { clinic: query.clinic } : {}), page: String(page) })}`;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Patients</h1>
        <Link href="/dashboard/patients/import" className="rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900">
          Import from CSV
        </Link>
      </div>
      <form method="get" role="search" className="flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1">
          <label htmlFor="q" className="block text-sm font-medium">
            Search by name, patient id or phone
          </label>
          <input id="q" name="q" defaultValue={query.q} className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2" />
        </div>
        {clinicList.length > 1 ? (
          <div>
            <label htmlFor="clinic" className="block text-sm font-medium">
              Clinic
            </label>
            <select id="clinic" name="clinic" defaultValue={query.clinic ?? ""} className="rounded-md border border-slate-500 bg-white px-3 py-2">
              <option value="">All clinics</option>
              {clinicList.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold hover:bg-slate-100">
          Search
        </button>
      </form>
      <p className="text-sm text-slate-700" aria-live="polite">
        {result.total === 0 ? "No patients match." : `${result.total} patient${result.total === 1 ? "" : "s"}`}
        {result.total === 0 && !query.q ? " Import your patients from your practice software to get started." : ""}
      </p>
      {result.rows.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2">Name</th>
                <th scope="col" className="px-3 py-2">Patient id</th>
                <th scope="col" className="px-3 py-2">Clinic</th>
                <th scope="col" className="px-3 py-2 text-right">Statement balance</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((p) => (
                <tr key={p.id} className="border-t border-slate-100">
                  <td className="px-3 py-2">
                    <Link className="font-medium text-teal-900 underline" href={`/dashboard/patients/${p.id}`}>
                      {p.lastName}, {p.firstName}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{p.externalId}</td>
                  <td className="px-3 py-2">{p.clinicName ?? "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCents(p.balanceCents, tenant.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {result.pageCount > 1 ? (
        <nav aria-label="Pages" className="flex items-center gap-3">
          {result.page > 1 ? (
            <Link className="rounded-md border border-slate-400 bg-white px-3 py-1.5" href={pageHref(result.page - 1)}>
              Previous
            </Link>
          ) : null}
          <span className="text-sm">
            Page {result.page} of {result.pageCount}
          </span>
          {result.page < result.pageCount ? (
            <Link className="rounded-md border border-slate-400 bg-white px-3 py-1.5" href={pageHref(result.page + 1)}>
              Next
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
