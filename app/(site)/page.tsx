import Link from "next/link";

export default function SiteHome() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-3xl flex-col justify-center gap-8 px-6 py-12">
      <div className="space-y-4">
        <p className="text-sm font-semibold tracking-wide text-teal-800 uppercase">Chairside</p>
        <h1 className="text-4xl font-bold tracking-tight">Chairside: online payments for dental offices</h1>
        <p className="text-lg text-slate-700">
          Give every patient a link to see what they owe and pay from their phone in under a minute. Send balances by email or text,
          and get paid payments straight back into your practice-management system.
        </p>
      </div>
      <div className="flex flex-wrap gap-3">
        <Link href="/sign-up" className="rounded-md bg-teal-800 px-5 py-3 font-semibold text-white hover:bg-teal-900">
          Create your practice&apos;s portal
        </Link>
        <Link href="/sign-in" className="rounded-md border border-slate-300 bg-white px-5 py-3 font-semibold text-slate-900 hover:bg-slate-100">
          Sign in
        </Link>
      </div>
    </main>
  );
}
