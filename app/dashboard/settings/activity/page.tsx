import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/guards";
import { describeSummary, listAudit } from "@/lib/audit/list-audit";

export const metadata: Metadata = { title: "Activity" };

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const pageSchema = z.coerce.number().int().min(1).catch(1);

// The practice's own audit trail: owner-level changes and what Chairside support did to it. Owners only.
export default async function ActivityPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { tenant } = await requireMember({ role: "owner", returnTo: "/dashboard/settings/activity" });
  const page = pageSchema.parse((await searchParams).page);
  const { rows, hasMore } = await listAudit(await getDb(), { page }, tenant.id);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/dashboard/settings" className="text-teal-800 underline">Settings</Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">Activity</h1>
      <p className="text-slate-700">Changes to your key, processor, settings and team, refunds, and anything Chairside support did for your practice. Entries can never be edited or deleted.</p>
      {rows.length === 0 ? <p>Nothing recorded yet.</p> : null}
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        {rows.map((e) => (
          <li key={e.id} className="space-y-1 p-4 text-sm">
            <p>
              <strong>{e.action}</strong> · {dateTime.format(e.createdAt)} UTC · {e.actorKind === "support" ? "Chairside support" : (e.actorEmail ?? e.actorKind)}
            </p>
            <p className="break-all text-slate-700">{describeSummary(e.summary)}</p>
          </li>
        ))}
      </ul>
      <nav aria-label="Pages" className="flex gap-4">
        {page > 1 ? <Link className="text-teal-800 underline" href={`/dashboard/settings/activity?page=${page - 1}`}>Previous page</Link> : null}
        {hasMore ? <Link className="text-teal-800 underline" href={`/dashboard/settings/activity?page=${page + 1}`}>Next page</Link> : null}
      </nav>
    </div>
  );
}
