import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackUrl } from "@/lib/auth/callback-url";
import { currentUser } from "@/lib/auth/guards";
import { PASSWORD_RULE } from "@/lib/auth/schemas";
import { LinkSignUpForm } from "./link-sign-up-form";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  // Only a path on our own host survives (an invitation, say); anything else becomes /dashboard.
  const callbackUrl = safeCallbackUrl(first((await searchParams).callbackUrl));
  if (await currentUser()) redirect(callbackUrl);
  const returning = callbackUrl !== DEFAULT_AFTER_SIGN_IN;
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-8 px-4 py-10 sm:px-6">
      <div className="space-y-2">
        <Link href="/" className="text-sm font-semibold tracking-wide text-teal-800 uppercase">
          Chairside
        </Link>
        <h1 className="text-3xl font-bold tracking-tight">Create your account</h1>
        {returning ? null : <p className="text-slate-700">Next you&apos;ll set up your practice&apos;s payment portal.</p>}
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <SignUpForm passwordRule={PASSWORD_RULE} callbackUrl={callbackUrl} />
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <LinkSignUpForm callbackUrl={callbackUrl} />
      </section>
      <p className="text-center text-slate-700">
        Already have an account?{" "}
        <Link href={returning ? `/sign-in?${new URLSearchParams({ callbackUrl })}` : "/sign-in"} className="font-semibold text-teal-800 underline">
          Sign in
        </Link>
      </p>
    </main>
  );
}
