import Link from "next/link";
import type { Messages } from "@/lib/i18n/messages/en";

/** Shown when a step needs a patient session that has expired or never existed. */
export function SessionEnded({ t }: { t: Messages }) {
  return (
    <section className="space-y-4">
      <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-slate-900">
        {t.session.expired}
      </p>
      <Link href="/" className="block rounded-xl bg-[var(--accent)] px-5 py-4 text-center text-xl font-semibold text-white">
        {t.verify.startOver}
      </Link>
    </section>
  );
}
