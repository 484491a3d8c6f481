import Link from "next/link";

export const metadata = { title: "Link expired" };

export default function VerifyEmailExpired() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-4 p-6">
      <h1 className="text-2xl font-semibold">That confirmation link has expired or was already used</h1>
      <p className="text-slate-700">Sign in and we&apos;ll offer to send you a new one.</p>
      <Link href="/sign-in?callbackUrl=%2Fdashboard%2Fnew-practice" className="rounded-md bg-teal-800 px-4 py-2 text-center font-semibold text-white">
        Sign in
      </Link>
    </main>
  );
}
