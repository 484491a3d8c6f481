"use client";

import { useActionState } from "react";
import { FormAlert, FormSuccess, SubmitButton, TextField } from "@/app/_components/form-parts";
import { saveMessagingSettingsAction } from "./actions";

export interface SettingsValues {
  linkExpiryDays: string;
  sendRatePerMinute: string;
  remindersEnabled: boolean;
  reminderDays: string;
  clinics: { id: string; name: string; budget: string }[];
}

export function MessagingSettingsForm({ current, canEdit }: { current: SettingsValues; canEdit: boolean }) {
  const [state, action, pending] = useActionState(saveMessagingSettingsAction, null);
  const failed = state?.ok === false ? state : undefined;
  const v = failed?.values ?? {};
  const err = failed?.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="max-w-xl space-y-4">
      <FormAlert message={failed?.formError} />
      <FormSuccess message={state?.ok ? state.message : undefined} />
      <TextField id="linkExpiryDays" name="linkExpiryDays" label="Payment links work for (days)" inputMode="numeric" defaultValue={v.linkExpiryDays ?? current.linkExpiryDays} errors={err.linkExpiryDays} hint="After this, a link shows your phone number and your normal payment page instead." />
      <TextField id="sendRatePerMinute" name="sendRatePerMinute" label="Messages sent per minute, at most" inputMode="numeric" defaultValue={v.sendRatePerMinute ?? current.sendRatePerMinute} errors={err.sendRatePerMinute} />
      <fieldset className="space-y-2 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 font-medium">Reminders</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="remindersEnabled" value="on" defaultChecked={v.remindersEnabled !== undefined ? v.remindersEnabled === "on" : current.remindersEnabled} className="h-5 w-5" />
          Re-send the same link until the balance is paid
        </label>
        <TextField id="reminderDays" name="reminderDays" label="Days after the first message" required={false} defaultValue={v.reminderDays ?? current.reminderDays} errors={err.reminderDays} hint="For example 7, 14, 21. Reminders stop when the patient pays, opts out or the list ends." />
      </fieldset>
      {current.clinics.length > 0 ? (
        <fieldset className="space-y-2 rounded-lg border border-slate-200 p-4">
          <legend className="px-1 font-medium">Monthly text budget per clinic (segments)</legend>
          {current.clinics.map((c) => (
            <TextField key={c.id} id={`budget-${c.id}`} name={`budget.${c.id}`} label={c.name} inputMode="numeric" required={false} defaultValue={v[`budget.${c.id}`] ?? c.budget} errors={err[`budget.${c.id}`]} hint="Leave empty for no limit." />
          ))}
        </fieldset>
      ) : null}
      {canEdit ? <SubmitButton pending={pending}>Save settings</SubmitButton> : <p className="text-sm text-slate-700">Only the practice owner can change these settings.</p>}
    </form>
  );
}
