"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { BatchProgress } from "@/lib/message-to-pay/batch-progress";

/** The batch's progress, polled every 2 seconds until nothing is left in the queue; then the page refreshes once. */
export function BatchProgressBar({ batchId, initial }: { batchId: string; initial: BatchProgress }) {
  const [p, setP] = useState(initial);
  const router = useRouter();
  useEffect(() => {
    if (p.done) return;
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/dashboard/messages/batches/${batchId}/progress`, { cache: "no-store" });
        if (res.ok) {
          const next = (await res.json()) as BatchProgress;
          setP(next);
          // The message list below is server-rendered: refresh it once the batch is finished.
          if (next.done) router.refresh();
        }
      } catch {
        // A missed poll is retried on the next tick.
        setP((old) => ({ ...old }));
      }
    }, 2000);
    return () => clearTimeout(timer);
  }, [p, batchId, router]);
  const pct = (n: number) => (p.total === 0 ? 0 : (n / p.total) * 100);
  const finished = p.sent + p.failed;
  return (
    <div className="space-y-2">
      <div
        role="progressbar"
        aria-label="Messages sent"
        aria-valuemin={0}
        aria-valuemax={p.total}
        aria-valuenow={finished}
        aria-valuetext={`${finished} of ${p.total} handled`}
        className="flex h-4 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-teal-700" style={{ width: `${pct(p.sent)}%` }} />
        <div className="h-full bg-red-700" style={{ width: `${pct(p.failed)}%` }} />
      </div>
      <p aria-live="polite" className="text-sm" data-testid="batch-progress">
        <strong>{p.queued}</strong> queued · <strong>{p.sent}</strong> sent · <strong>{p.failed}</strong> failed · {p.total} in all
        {p.done ? " — Finished" : ""}
      </p>
    </div>
  );
}
