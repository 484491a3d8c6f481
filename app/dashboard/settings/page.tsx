import type { Metadata } from "next";
import Link from "next/link";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clinics } from "@/db/schema";
import { requireMember } from "@/lib/auth/guards";
import { centsToDecimalString } from "@/lib/money";
import { ClinicForm, PracticeSettingsForm } from "./settings-forms";

export const metadata: Metadata = { title: "Settings" };

// What patients see of the practice, and its clinics. Owners change them; staff can look.
export default async function SettingsPage() {
  const { tenant, role } = await requireMember({ returnTo: "/dashboard/settings" });
  const clinicList = await (await getDb()).select().from(clinics).where(eq(clinics.tenantId, tenant.id)).orderBy(asc(clinics.createdAt));
  const isOwner = role === "owner";
  return (
    <div className="max-w-2xl space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">Settings</h1>
      {!isOwner ? <p className="rounded-lg bg-slate-100 p-3 text-slate-800">Only the practice owner can change these settings.</p> : null}
      {isOwner ? (
        <p>
          <Link href="/dashboard/settings/activity" className="font-semibold text-teal-800 underline">
            Activity: who changed what
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="practice-title" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="practice-title" className="text-xl font-semibold">
          Practice
        </h2>
        <p className="text-sm text-slate-700">
          Web address: <strong>{tenant.slug}</strong> (contact Chairside support to change it).
        </p>
        {isOwner ? (
          <PracticeSettingsForm
            current={{ name: tenant.name, phone: tenant.phone ?? "", accentColor: tenant.accentColor, maxPayment: centsToDecimalString(tenant.maxPaymentCents), hasLogo: Boolean(tenant.logoDataUrl) }}
          />
        ) : (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4">
            <dt className="font-medium">Name</dt>
            <dd>{tenant.name}</dd>
            <dt className="font-medium">Phone</dt>
            <dd>{tenant.phone ?? "—"}</dd>
          </dl>
        )}
      </section>
      <section aria-labelledby="clinics-title" className="space-y-4">
        <h2 id="clinics-title" className="text-xl font-semibold">
          Clinics
        </h2>
        {clinicList.map((c) => (
          <div key={c.id} className="rounded-xl border border-slate-200 bg-white p-5">
            {isOwner ? (
              <ClinicForm clinic={{ id: c.id, name: c.name, address: c.address ?? "", phone: c.phone ?? "" }} />
            ) : (
              <p>
                <strong>{c.name}</strong> — {c.address} · {c.phone}
              </p>
            )}
          </div>
        ))}
        {isOwner ? (
          <div className="rounded-xl border border-dashed border-slate-400 bg-white p-5">
            <h3 className="mb-3 font-semibold">Add a clinic</h3>
            <ClinicForm />
          </div>
        ) : null}
      </section>
    </div>
  );
}
