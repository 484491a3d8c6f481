import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/guards";
import { batchMessages, batchProgress, loadBatch } from "@/lib/message-to-pay/batch-progress";
import { MessagesNav } from "../../_components/messages-nav";
import { BatchProgressBar } from "./batch-progress-bar";

export const metadata: Metadata = { title: "Batch" };

const SHOWN = 1000;

// One bulk send: live progress, every message, CSV.
export default async function BatchPage({ params }: { params: Promise<{ id: string }> }) {
  const { tenant } = await requireMember({ returnTo: "/dashboard/messages" });
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const db = await getDb();
  const batch = await loadBatch(db, tenant.id, id.data);
  if (!batch) notFound();
  const [progress, rows] = await Promise.all([batchProgress(db, tenant.id, batch.id), batchMessages(db, tenant.id, batch.id, SHOWN + 1)]);
  const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: tenant.timeZone });
  return (
    <div className="space-y-5">
      <h1 className="text-3xl font-bold tracking-tight">Batch of {when.format(batch.createdAt)}</h1>
      <MessagesNav current="" />
      <p className="text-slate-700">
        {batch.total} request{batch.total === 1 ? "" : "s"} by {batch.channels.map((c) => (c === "sms" ? "text" : "email")).join(" and ")}.{" "}
        <Link href={`/dashboard/messages?batch=${batch.id}`} className="font-medium text-teal-900 underline">
          See these requests
        </Link>
      </p>
      <BatchProgressBar batchId={batch.id} initial={progress} />
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 className="text-xl font-semibold">Messages</h2>
        <a href={`/dashboard/messages/batches/${batch.id}/export`} className="rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold hover:bg-slate-100">
          Export CSV
        </a>
      </div>
      {rows.length > SHOWN ? <p className="text-sm text-slate-700">Showing the first {SHOWN}; the CSV has them all.</p> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2">Patient</th>
              <th scope="col" className="px-3 py-2">Channel</th>
              <th scope="col" className="px-3 py-2">To</th>
              <th scope="col" className="px-3 py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((m) => (
              <tr key={m.id} className="border-t border-slate-100">
                <td className="px-3 py-2">{m.firstName ? `${m.lastName}, ${m.firstName}` : "—"}</td>
                <td className="px-3 py-2">{m.channel === "sms" ? "Text" : "Email"}</td>
                <td className="px-3 py-2">{m.toAddress}</td>
                <td className="px-3 py-2">
                  {m.status}
                  {m.error ? <span className="block text-xs text-red-800">{m.error}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
