import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/guards";
import { loadSetupState } from "@/lib/tenancy/setup-state";
import { SetupBanners } from "../_components/banners";
import { KeyForm } from "./key-form";

export const metadata: Metadata = { title: "Registration key" };

const dateFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "long" });

// Setup step 1: the practice's registration key. Only owners change it.
export default async function RegistrationKeyPage() {
  const { tenant, role } = await requireMember({ returnTo: "/dashboard/registration-key" });
  const state = await loadSetupState(await getDb(), tenant.id);
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Registration key</h1>
      <SetupBanners state={state} />
      {state.key.state === "missing" ? (
        <p className="text-slate-700">Your portal opens once your practice has an active registration key from Chairside support.</p>
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4">
          <dt className="font-medium">Key</dt>
          <dd className="font-mono">{state.key.formatted}</dd>
          <dt className="font-medium">Support until</dt>
          <dd>
            {dateFmt.format(state.key.supportUntil)} {state.key.state === "lapsed" ? <strong className="text-red-800">(ended)</strong> : null}
          </dd>
        </dl>
      )}
      {role === "owner" ? (
        <section aria-labelledby="enter-key" className="space-y-3">
          <h2 id="enter-key" className="text-xl font-semibold">
            {state.key.state === "missing" ? "Enter your key" : "Replace your key"}
          </h2>
          <KeyForm />
        </section>
      ) : (
        <p className="text-slate-700">Only the practice owner can enter or change the key.</p>
      )}
    </div>
  );
}
