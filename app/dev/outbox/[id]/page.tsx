import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getOutboxEntry, isOutboxVisible } from "@/lib/messaging/outbox";

export const dynamic = "force-dynamic";
export const metadata = { title: "Outbox message" };

const URL_RE = /(https?:\/\/[^\s<>"]+)/g;

// Shows the plain-text part with its links clickable, so a demo can follow sign-in and pay links.
export default async function OutboxEntryPage({ params }: { params: Promise<{ id: string }> }) {
  if (!isOutboxVisible()) notFound();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const entry = await getOutboxEntry(await getDb(), id.data);
  if (!entry) notFound();
  return (
    <main className="mx-auto max-w-3xl space-y-4 p-6">
      <p>
        <Link href="/dev/outbox" className="text-teal-800 underline">
          ← Outbox
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{entry.subject ?? `Text message to ${entry.toAddress}`}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 text-sm">
        <dt className="font-medium">To</dt>
        <dd>{entry.toAddress}</dd>
        <dt className="font-medium">From</dt>
        <dd>{entry.fromAddress}</dd>
        <dt className="font-medium">Channel</dt>
        <dd>{entry.channel}</dd>
      </dl>
      <div className="rounded-lg border border-slate-200 bg-white p-4 whitespace-pre-wrap">
        {entry.text.split(URL_RE).map((part, i) =>
          i % 2 === 1 ? (
            <a key={i} href={part} className="break-all text-teal-800 underline">
              {part}
            </a>
          ) : (
            part
          ),
        )}
      </div>
    </main>
  );
}
