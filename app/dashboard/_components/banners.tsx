import type { SetupState } from "@/lib/tenancy/setup-state";

const dateFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "long" });

/** Problems that close the portal, said once at the top of every dashboard page that shows them. */
export function SetupBanners({ state }: { state: SetupState }) {
  return (
    <>
      {state.suspended ? (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">Your payment portal is suspended by Chairside support.</p>
          <p>{state.suspended.reason ? `Reason: ${state.suspended.reason}` : "Contact Chairside support to find out why."} Patients see an “unavailable” page until it is lifted.</p>
        </div>
      ) : null}
      {state.key.state === "lapsed" ? (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <p className="font-semibold">Support for your registration key ended on {dateFmt.format(state.key.supportUntil)}.</p>
          <p>Your portal is closed to patients. Renew with Chairside support, or enter a new key under Registration key.</p>
        </div>
      ) : null}
    </>
  );
}
