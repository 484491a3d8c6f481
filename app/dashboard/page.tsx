import type { Metadata } from "next";
import { requireMember } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Dashboard" };

const ROLE_LABEL = { owner: "Owner", staff: "Staff" } as const;

export default async function DashboardPage() {
  const { user, tenant, role } = await requireMember({ returnTo: "/dashboard" });
  return (
    <div className="space-y-2">
      <h1 className="text-3xl font-bold tracking-tight">{tenant.name}</h1>
      <p className="text-slate-700">
        Signed in as {user.name ?? user.email} · <span className="font-medium text-slate-900">{ROLE_LABEL[role]}</span>
      </p>
    </div>
  );
}
