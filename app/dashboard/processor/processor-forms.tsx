"use client";

import { useActionState } from "react";
import { FormAlert, FormSuccess, SubmitButton } from "@/app/_components/form-parts";
import { connectProcessorAction, disconnectProcessorAction, openProcessorDashboardAction } from "./actions";

export function ConnectForm({ kind, label }: { kind: "stripe" | "demo"; label: string }) {
  const [state, action, pending] = useActionState(connectProcessorAction, null);
  return (
    <form action={action} className="space-y-3">
      <FormAlert message={state?.ok === false ? state.formError : undefined} />
      <FormSuccess message={state?.ok ? state.message : undefined} />
      <input type="hidden" name="kind" value={kind} />
      <SubmitButton pending={pending}>{label}</SubmitButton>
    </form>
  );
}

export function DashboardLinkForm() {
  const [state, action, pending] = useActionState(openProcessorDashboardAction, null);
  return (
    <form action={action} className="space-y-3">
      <FormAlert message={state?.ok === false ? state.formError : undefined} />
      <SubmitButton pending={pending} variant="secondary">
        Open your Stripe dashboard
      </SubmitButton>
    </form>
  );
}

export function DisconnectForm() {
  const [state, action, pending] = useActionState(disconnectProcessorAction, null);
  const failed = state?.ok === false ? state : undefined;
  return (
    <form action={action} className="space-y-3">
      <FormAlert message={failed?.formError} />
      <FormSuccess message={state?.ok ? state.message : undefined} />
      <div className="flex items-start gap-2">
        <input id="confirm" name="confirm" type="checkbox" value="yes" className="mt-1 h-5 w-5" aria-describedby={failed?.fieldErrors?.confirm ? "confirm-error" : undefined} />
        <label htmlFor="confirm" className="text-slate-900">
          I understand patients won&apos;t be able to pay online until a processor is connected again.
        </label>
      </div>
      {failed?.fieldErrors?.confirm ? (
        <p id="confirm-error" className="text-sm font-medium text-red-800">
          {failed.fieldErrors.confirm.join(" ")}
        </p>
      ) : null}
      <SubmitButton pending={pending} variant="secondary">
        Disconnect processor
      </SubmitButton>
    </form>
  );
}
