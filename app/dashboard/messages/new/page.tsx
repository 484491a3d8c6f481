import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listClinics } from "@/lib/tenancy/list-clinics";
import { requireMember } from "@/lib/auth/guards";
import { batchFiltersSchema, previewBatch } from "@/lib/message-to-pay/batch-filters";
import { centsToDecimalString, formatCents } from "@/lib/money";
import { MessagesNav } from "../_components/messages-nav";
import { SendBatchForm } from "./send-batch-form";

export const metadata: Metadata = { title: "New batch" };

type Search = Record<string, string | string[] | undefined>;

const input = "rounded-md border border-slate-500 px-2 py-1.5";

// Bulk Message-to-Pay: filter (GET) → count and sample → channels → Send.
export default async function NewBatchPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { tenant } = await requireMember({ returnTo: "/dashboard/messages/new" });
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const applied = raw.applied === "1";
  // "Not opted out" starts ticked; once the form was applied, an absent box means unticked.
  const parsed = batchFiltersSchema.safeParse(applied ? raw : { ...raw, notOptedOut: "on" });
  const db = await getDb();
  const clinicList = await listClinics(db, tenant.id);
  const errors = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
  const f = parsed.success ? parsed.data : null;
  const preview = f && applied ? await previewBatch(db, tenant.id, f) : null;
  const carried: Record<string, string> = {};
  if (f) {
    if (f.clinic) carried.clinic = f.clinic;
    carried.minBalance = centsToDecimalString(f.minBalance);
    if (f.statementOlderThanDays !== undefined) carried.statementOlderThanDays = String(f.statementOlderThanDays);
    if (f.notMessagedDays !== undefined) carried.notMessagedDays = String(f.notMessagedDays);
    if (f.hasEmail) carried.hasEmail = "on";
    if (f.hasPhone) carried.hasPhone = "on";
    if (f.notOptedOut) carried.notOptedOut = "on";
  }
  const err = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="text-sm font-medium text-red-800">
        {errors[name]}
      </p>
    ) : null;
  return (
    <div className="space-y-5">
      <h1 className="text-3xl font-bold tracking-tight">New batch</h1>
      <MessagesNav current="/dashboard/messages/new" />
      <form method="get" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" aria-label="Choose patients">
        <input type="hidden" name="applied" value="1" />
        <div className="flex flex-wrap gap-4">
          {clinicList.length > 1 ? (
            <div>
              <label htmlFor="clinic" className="block text-sm font-medium">Clinic</label>
              <select id="clinic" name="clinic" defaultValue={raw.clinic ?? ""} className={input}>
                <option value="">All</option>
                {clinicList.map((c) => (
                  <option key={c.id} value={c.id}>{c.name}</option>
                ))}
              </select>
              {err("clinic")}
            </div>
          ) : null}
          <div>
            <label htmlFor="minBalance" className="block text-sm font-medium">Owes at least ($)</label>
            <input id="minBalance" name="minBalance" inputMode="decimal" defaultValue={raw.minBalance ?? "1.00"} aria-invalid={errors.minBalance ? true : undefined} aria-describedby={errors.minBalance ? "minBalance-error" : undefined} className={input} />
            {err("minBalance")}
          </div>
          <div>
            <label htmlFor="statementOlderThanDays" className="block text-sm font-medium">Statement at least … days old</label>
            <input id="statementOlderThanDays" name="statementOlderThanDays" inputMode="numeric" defaultValue={raw.statementOlderThanDays ?? ""} aria-invalid={errors.statementOlderThanDays ? true : undefined} aria-describedby={errors.statementOlderThanDays ? "statementOlderThanDays-error" : undefined} className={input} />
            {err("statementOlderThanDays")}
          </div>
          <div>
            <label htmlFor="notMessagedDays" className="block text-sm font-medium">Not messaged in the last … days</label>
            <input id="notMessagedDays" name="notMessagedDays" inputMode="numeric" defaultValue={raw.notMessagedDays ?? ""} aria-invalid={errors.notMessagedDays ? true : undefined} aria-describedby={errors.notMessagedDays ? "notMessagedDays-error" : undefined} className={input} />
            {err("notMessagedDays")}
          </div>
        </div>
        <div className="flex flex-wrap gap-4">
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" name="hasEmail" value="on" defaultChecked={raw.hasEmail === "on"} className="h-5 w-5" /> Has an email address
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" name="hasPhone" value="on" defaultChecked={raw.hasPhone === "on"} className="h-5 w-5" /> Has a phone number
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" name="notOptedOut" value="on" defaultChecked={!applied || raw.notOptedOut === "on"} className="h-5 w-5" /> Not opted out
          </label>
        </div>
        <button type="submit" className="rounded-md bg-teal-800 px-4 py-2 font-semibold text-white hover:bg-teal-900">
          Preview
        </button>
      </form>
      {preview ? (
        <section aria-labelledby="preview-title" className="space-y-3">
          <h2 id="preview-title" className="text-xl font-semibold">
            {preview.count} matching patient{preview.count === 1 ? "" : "s"}
          </h2>
          {preview.sample.length > 0 ? (
            <>
              <p className="text-sm text-slate-700">A sample of {preview.sample.length}:</p>
              <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
                {preview.sample.map((s) => (
                  <li key={s.id} className="flex justify-between p-2 text-sm">
                    <span>{s.name}</span>
                    <span className="tabular-nums">{formatCents(s.owedCents, tenant.currency)}</span>
                  </li>
                ))}
              </ul>
              <SendBatchForm filters={carried} count={preview.count} />
            </>
          ) : (
            <p className="text-slate-700">Nobody matches. Loosen a filter and preview again.</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
