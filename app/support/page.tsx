import type { Metadata } from "next";
import Link from "next/link";
import { requireSupport } from "@/lib/auth/guards";

// The title is behind the guard too: a static one could describe the page to visitors who get the 404.
export async function generateMetadata(): Promise<Metadata> {
  await requireSupport();
  return { title: "Support console" };
}

export default async function SupportConsolePage() {
  const user = await requireSupport();
  return (
    <main className="mx-auto max-w-6xl space-y-4 px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Support console</h1>
      <p className="text-slate-700">Signed in as {user.name ?? user.email}.</p>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          <Link className="text-teal-800 underline" href="/support/tenants">Practices</Link>: search, setup state, suspend, sign-in links, web address, view as office.
        </li>
        <li>
          <Link className="text-teal-800 underline" href="/support/keys">Registration keys</Link>: issue, extend, revoke, release, CSV.
        </li>
        <li>
          <Link className="text-teal-800 underline" href="/support/audit">Audit trail</Link>: every support action and owner-level change.
        </li>
        <li>
          <Link className="text-teal-800 underline" href="/support/staff">Support staff</Link>: who can reach this console.
        </li>
      </ul>
    </main>
  );
}
