import Link from "next/link";
import type { SetupState } from "@/lib/tenancy/setup-state";

type Step = { title: string; done: boolean; status: string; action?: { href: string; label: string } };

/** The three steps to a live portal, each with its state and the one action that moves it on. */
export function SetupChecklist({ state, isOwner }: { state: SetupState; isOwner: boolean }) {
  const keyDone = state.key.state === "active";
  const processorDone = state.processor.state === "ready";
  const steps: Step[] = [
    {
      title: "Enter your registration key",
      done: keyDone,
      status: keyDone ? `Key ${state.key.state === "active" ? state.key.formatted : ""} is active.` : state.key.state === "lapsed" ? "Your key's support has ended." : "Chairside support emailed you a key like ABCD-EFGH-JKLM-NPQR.",
      action: keyDone ? undefined : { href: "/dashboard/registration-key", label: "Enter key" },
    },
    {
      title: "Connect your card processor",
      done: processorDone,
      status:
        state.processor.state === "ready"
          ? `Connected (${state.processor.kind === "demo" ? "demo processor — no real money" : "Stripe"}).`
          : state.processor.state === "onboarding"
            ? "Started: the processor still needs some details from you."
            : "Patients' cards are charged by your processor; money goes straight to your bank.",
      action: processorDone ? undefined : { href: "/dashboard/processor", label: state.processor.state === "onboarding" ? "Finish connecting" : "Connect processor" },
    },
    {
      title: "Put your portal link on your website",
      done: state.linkShared && keyDone && processorDone,
      status: !(keyDone && processorDone) ? "Available once steps 1 and 2 are done." : state.linkShared ? "Link copied. Patients can pay now." : "Copy your link, QR code or website button.",
      action: keyDone && processorDone ? { href: "/dashboard/portal-link", label: "Get your link" } : undefined,
    },
  ];
  const next = steps.findIndex((s) => !s.done);
  return (
    <section aria-labelledby="setup-title" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="setup-title" className="text-xl font-semibold">
        Set up online payments
      </h2>
      <p className="mt-1 text-slate-700">{state.live ? "Your portal is open to patients." : "Patients see an “online payments aren't available” page until steps 1 and 2 are done."}</p>
      <ol className="mt-4 space-y-3">
        {steps.map((s, i) => (
          <li key={s.title} className={`flex flex-wrap items-center gap-3 rounded-lg border p-4 ${i === next ? "border-teal-700 bg-teal-50" : "border-slate-200"}`} aria-current={i === next ? "step" : undefined}>
            <span aria-hidden="true" className={`flex h-8 w-8 shrink-0 items-center justify-center rounded-full text-sm font-bold ${s.done ? "bg-teal-800 text-white" : "border-2 border-slate-400 text-slate-700"}`}>
              {s.done ? "✓" : i + 1}
            </span>
            <div className="min-w-0 flex-1">
              <p className="font-semibold">
                {s.title} <span className="sr-only">{s.done ? "(done)" : "(not done)"}</span>
              </p>
              <p className="text-sm text-slate-700">{s.status}</p>
            </div>
            {s.action && (isOwner || s.action.href === "/dashboard/portal-link") ? (
              <Link href={s.action.href} className={`rounded-md px-4 py-2 font-semibold ${i === next ? "bg-teal-800 text-white hover:bg-teal-900" : "border border-slate-400 text-slate-900 hover:bg-slate-100"}`}>
                {s.action.label}
              </Link>
            ) : s.action ? (
              <p className="text-sm text-slate-700">Ask your practice owner to do this.</p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
