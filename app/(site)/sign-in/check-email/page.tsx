import type { Metadata } from "next";
import Link from "next/link";
import { MAGIC_LINK_MINUTES } from "@/lib/auth/magic-link-email";

export const metadata: Metadata = { title: "Check your email" };

// Same page whether or not the address has an account, so it tells a visitor nothing about who signed up.
export default function CheckEmailPage() {
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-6 px-4 py-10 sm:px-6">
      <Link href="/" className="text-sm font-semibold tracking-wide text-teal-800 uppercase">
        Chairside
      </Link>
      <h1 className="text-3xl font-bold tracking-tight">Check your email</h1>
      <p className="text-lg text-slate-800">We&apos;ve sent you an email. Open the link in it to sign in.</p>
      <p className="text-slate-700">The link works once and expires in {MAGIC_LINK_MINUTES} minutes. You can close this tab.</p>
      <p className="text-slate-700">
        Nothing arrived after a few minutes? Check your spam folder, or{" "}
        <Link href="/sign-in" className="font-semibold text-teal-800 underline">
          ask for another link
        </Link>
        .
      </p>
    </main>
  );
}
