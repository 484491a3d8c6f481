import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackUrl } from "@/lib/auth/callback-url";
import { currentUser } from "@/lib/auth/guards";
import { signInErrorMessage } from "@/lib/auth/messages";
import { MagicLinkForm } from "./magic-link-form";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  // Only a path on our own host survives; anything else becomes /dashboard.
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (await currentUser()) redirect(callbackUrl);
  const error = signInErrorMessage(first(params.error));

  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-8 px-4 py-10 sm:px-6">
      <div className="space-y-2">
        <Link href="/" className="text-sm font-semibold tracking-wide text-teal-800 uppercase">
          Chairside
        </Link>
        <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      </div>
      {error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-900">
          {error}
        </p>
      )}
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <PasswordForm callbackUrl={callbackUrl} />
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <MagicLinkForm callbackUrl={callbackUrl} />
      </section>
      <p className="text-center text-slate-700">
        New to Chairside?{" "}
        <Link href={callbackUrl === DEFAULT_AFTER_SIGN_IN ? "/sign-up" : `/sign-up?${new URLSearchParams({ callbackUrl })}`} className="font-semibold text-teal-800 underline">
          Create an account
        </Link>
      </p>
    </main>
  );
}
