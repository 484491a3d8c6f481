"use client";

import { useActionState } from "react";
import { FormAlert, SubmitButton } from "@/app/_components/form-parts";
import { sendBatchAction } from "./actions";

/** Channels + Send, carrying the filters the preview was made with. */
export function SendBatchForm({ filters, count }: { filters: Record<string, string>; count: number }) {
  const [state, action, pending] = useActionState(sendBatchAction, null);
  const failed = state?.ok === false ? state : undefined;
  const channelError = failed?.fieldErrors?.channels;
  return (
    <form action={action} className="space-y-3" aria-label="Send the batch">
      <FormAlert message={failed?.formError ?? (failed?.fieldErrors && !channelError ? "Check the filters above and preview again." : undefined)} />
      {Object.entries(filters).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <fieldset aria-describedby={channelError ? "channels-error" : undefined}>
        <legend className="font-medium">Send by</legend>
        <label className="mr-4 inline-flex items-center gap-2">
          <input type="checkbox" name="channels" value="email" defaultChecked className="h-5 w-5" /> Email
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" name="channels" value="sms" defaultChecked className="h-5 w-5" /> Text message
        </label>
        {channelError ? (
          <p id="channels-error" className="text-sm font-medium text-red-800">
            {channelError.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <p className="text-sm text-slate-700">Patients who opted out of a channel, or have no address for it, are skipped on that channel.</p>
      <div className="max-w-xs">
        <SubmitButton pending={pending}>{`Send to ${count} patient${count === 1 ? "" : "s"}`}</SubmitButton>
      </div>
    </form>
  );
}
