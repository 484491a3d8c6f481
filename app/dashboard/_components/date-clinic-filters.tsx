import type { ReactNode } from "react";

const field = "rounded-md border border-slate-500 px-2 py-1.5";

/** The date range and clinic fields the dashboard's filter forms share (clinic only when there are several). */
export function DateClinicFilters({ from, to, clinic, clinics, fromLabel = "From" }: { from?: string; to?: string; clinic?: string; clinics: { id: string; name: string }[]; fromLabel?: string }): ReactNode {
  return (
    <>
      <div>
        <label htmlFor="from" className="block text-sm font-medium">{fromLabel}</label>
        <input id="from" name="from" type="date" defaultValue={from} className={field} />
      </div>
      <div>
        <label htmlFor="to" className="block text-sm font-medium">To</label>
        <input id="to" name="to" type="date" defaultValue={to} className={field} />
      </div>
      {clinics.length > 1 ? (
        <div>
          <label htmlFor="clinic" className="block text-sm font-medium">Clinic</label>
          <select id="clinic" name="clinic" defaultValue={clinic ?? ""} className={field}>
            <option value="">All</option>
            {clinics.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </div>
      ) : null}
    </>
  );
}
