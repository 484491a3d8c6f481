import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { isOutboxVisible, listOutbox } from "@/lib/messaging/outbox";

export const dynamic = "force-dynamic";
export const metadata = { title: "Dev outbox" };

// Where email and texts land when no provider is configured (development and demos only).
export default async function OutboxPage() {
  if (!isOutboxVisible()) notFound();
  const entries = await listOutbox(await getDb());
  return (
    <main className="mx-auto max-w-3xl space-y-4 p-6">
      <h1 className="text-2xl font-semibold">Dev outbox</h1>
      <p className="text-slate-700">Emails and text messages the app would have sent. Newest first. Not available on a real deployment.</p>
      {entries.length === 0 ? (
        <p className="text-slate-700">Nothing has been sent yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {entries.map((m) => (
            <li key={m.id} className="p-3">
              <Link href={`/dev/outbox/${m.id}`} className="block hover:bg-slate-50">
                <span className="mr-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-semibold uppercase">{m.channel}</span>
                <span className="font-medium">{m.subject ?? m.text.slice(0, 60)}</span>
                <span className="block text-sm text-slate-600">
                  To {m.toAddress} · <time dateTime={m.createdAt.toISOString()}>{m.createdAt.toLocaleString("en-US")}</time>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
