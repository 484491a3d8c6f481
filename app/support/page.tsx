import type { Metadata } from "next";
import { requireSupport } from "@/lib/auth/guards";
import { signOutAction } from "@/lib/auth/sign-out-action";

// The title is behind the guard too: a static one could describe the page to visitors who get the 404.
export async function generateMetadata(): Promise<Metadata> {
  await requireSupport();
  return { title: "Support console" };
}

export default async function SupportConsolePage() {
  const user = await requireSupport();
  return (
    <main className="mx-auto max-w-5xl space-y-4 px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Support console</h1>
        <form action={signOutAction}>
          <button type="submit" className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100">
            Sign out
          </button>
        </form>
      </div>
      <p className="text-slate-700">Signed in as {user.name ?? user.email}. Practice search and tools will appear here.</p>
    </main>
  );
}
