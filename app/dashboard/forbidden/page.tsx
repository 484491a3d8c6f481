import type { Metadata } from "next";
import Link from "next/link";
import { requireMember } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Not allowed" };

// Where requireMember({ role: "owner" }) sends staff. See lib/auth/guards.ts for why this is a redirect.
export default async function ForbiddenPage() {
  const { tenant } = await requireMember({ returnTo: "/dashboard" });
  return (
    <div className="max-w-prose space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">You don&apos;t have access to that page</h1>
      <p className="text-slate-700">Only the owner of {tenant.name} can open it. Ask them if you need it changed.</p>
      <p>
        <Link href="/dashboard" className="font-semibold text-teal-800 underline">
          Back to the dashboard
        </Link>
      </p>
    </div>
  );
}
