import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/guards";
import { availableProcessors, getProcessorStatus } from "@/lib/payments";
import { ConnectForm, DashboardLinkForm, DisconnectForm } from "./processor-forms";

export const metadata: Metadata = { title: "Card processor" };

const REQUIREMENT_LABELS: Record<string, string> = {
  external_account: "Bank account for payouts",
  "business_profile.url": "Practice website",
  "business_profile.mcc": "Business type",
  tos_acceptance: "Accept Stripe's terms",
};

// Setup step 2: connect (or check, or disconnect) the practice's card processor.
export default async function ProcessorPage() {
  const { tenant, role } = await requireMember({ returnTo: "/dashboard/processor" });
  const status = await getProcessorStatus(await getDb(), tenant.id);
  const options = availableProcessors();
  const isOwner = role === "owner";
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Card processor</h1>
      {!status ? (
        <>
          <p className="text-slate-700">Patients&apos; cards are charged by your processor and the money goes straight to your bank. Card numbers never touch Chairside.</p>
          {options.map((p) => (
            <section key={p.kind} aria-labelledby={`p-${p.kind}`} className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
              <h2 id={`p-${p.kind}`} className="text-xl font-semibold">
                {p.label}
              </h2>
              {p.kind === "demo" ? (
                <p className="rounded-md bg-amber-100 px-3 py-2 font-semibold text-amber-950">Demo — no real money. Test cards only: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined.</p>
              ) : (
                <p className="text-slate-700">You&apos;ll be sent to Stripe to enter your practice and bank details, then brought back here. It takes about 5 minutes.</p>
              )}
              {isOwner ? <ConnectForm kind={p.kind} label={p.kind === "demo" ? "Connect the demo processor" : "Connect with Stripe"} /> : <p className="text-slate-700">Ask your practice owner to connect a processor.</p>}
            </section>
          ))}
        </>
      ) : (
        <section aria-labelledby="status-title" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="status-title" className="text-xl font-semibold">
            {status.kind === "demo" ? "Demo processor" : "Stripe"}:{" "}
            <span className={status.chargesEnabled ? "text-emerald-800" : "text-amber-800"}>{status.chargesEnabled ? "Ready" : "Needs your attention"}</span>
          </h2>
          {status.kind === "demo" ? <p className="rounded-md bg-amber-100 px-3 py-2 font-semibold text-amber-950">Demo — no real money.</p> : null}
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-medium">Can take card payments</dt>
            <dd>{status.chargesEnabled ? "Yes" : "Not yet"}</dd>
            <dt className="font-medium">Details submitted</dt>
            <dd>{status.detailsSubmitted ? "Yes" : "Not yet"}</dd>
          </dl>
          {status.requirementsDue.length > 0 ? (
            <div>
              <p className="font-medium">Stripe still needs:</p>
              <ul className="list-disc pl-6">
                {status.requirementsDue.map((r) => (
                  <li key={r}>{REQUIREMENT_LABELS[r] ?? r.replaceAll("_", " ").replaceAll(".", " › ")}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {isOwner && status.kind === "stripe" && !status.chargesEnabled ? <ConnectForm kind="stripe" label="Continue on Stripe" /> : null}
          {isOwner && status.kind === "stripe" && status.detailsSubmitted ? <DashboardLinkForm /> : null}
          {isOwner ? (
            <details className="rounded-lg border border-slate-200 p-3">
              <summary className="cursor-pointer font-medium">Disconnect</summary>
              <div className="mt-3">
                <DisconnectForm />
              </div>
            </details>
          ) : null}
        </section>
      )}
    </div>
  );
}
