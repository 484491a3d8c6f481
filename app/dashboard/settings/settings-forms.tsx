"use client";

import { useActionState } from "react";
import { FormAlert, FormSuccess, SubmitButton, TextField } from "@/app/_components/form-parts";
import { saveClinicAction, savePracticeSettingsAction } from "./actions";

export interface PracticeValues {
  name: string;
  phone: string;
  accentColor: string;
  maxPayment: string;
  hasLogo: boolean;
}

export function PracticeSettingsForm({ current }: { current: PracticeValues }) {
  const [state, action, pending] = useActionState(savePracticeSettingsAction, null);
  const failed = state?.ok === false ? state : undefined;
  const v = { ...current, ...(failed?.values ?? {}) };
  const err = failed?.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-4">
      <FormAlert message={failed?.formError} />
      <FormSuccess message={state?.ok ? state.message : undefined} />
      <TextField id="name" name="name" label="Practice name" defaultValue={v.name} errors={err.name} />
      <TextField id="phone" name="phone" label="Phone shown to patients" type="tel" defaultValue={v.phone} errors={err.phone} />
      <div className="space-y-1">
        <label htmlFor="accentColor" className="block font-medium">
          Accent colour for buttons
        </label>
        <p id="accent-hint" className="text-sm text-slate-700">
          Buttons show white text on this colour, so pick a dark shade.
        </p>
        <div className="flex items-center gap-3">
          <input id="accentColor" name="accentColor" type="color" defaultValue={v.accentColor} aria-describedby={["accent-hint", err.accentColor ? "accent-error" : ""].filter(Boolean).join(" ")} className="h-11 w-20 rounded border border-slate-500" />
        </div>
        {err.accentColor ? (
          <p id="accent-error" className="text-sm font-medium text-red-800">
            {err.accentColor.join(" ")}
          </p>
        ) : null}
      </div>
      <TextField id="maxPayment" name="maxPayment" label="Largest online payment (US dollars)" inputMode="decimal" defaultValue={v.maxPayment} errors={err.maxPayment} hint="Patients who owe more can pay in parts or call you." />
      <div className="space-y-1">
        <label htmlFor="logo" className="block font-medium">
          Logo
        </label>
        <p id="logo-hint" className="text-sm text-slate-700">
          PNG, JPEG or WebP, up to 200 KB. Shown at the top of your payment page.
        </p>
        <input id="logo" name="logo" type="file" accept="image/png,image/jpeg,image/webp" aria-describedby={["logo-hint", err.logo ? "logo-error" : ""].filter(Boolean).join(" ")} className="block w-full rounded-md border border-slate-500 bg-white p-2" />
        {err.logo ? (
          <p id="logo-error" className="text-sm font-medium text-red-800">
            {err.logo.join(" ")}
          </p>
        ) : null}
        {current.hasLogo ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="removeLogo" value="yes" className="h-4 w-4" /> Remove the current logo
          </label>
        ) : null}
      </div>
      <SubmitButton pending={pending}>Save practice details</SubmitButton>
    </form>
  );
}

export function ClinicForm({ clinic }: { clinic?: { id: string; name: string; address: string; phone: string } }) {
  const [state, action, pending] = useActionState(saveClinicAction, null);
  const failed = state?.ok === false ? state : undefined;
  const err = failed?.fieldErrors ?? {};
  const prefix = clinic ? `clinic-${clinic.id}` : "new-clinic";
  return (
    <form action={action} noValidate className="space-y-3">
      <FormAlert message={failed?.formError} />
      <FormSuccess message={state?.ok ? state.message : undefined} />
      {clinic ? <input type="hidden" name="clinicId" value={clinic.id} /> : null}
      <TextField id={`${prefix}-name`} name="name" label="Clinic name" defaultValue={failed?.values?.name ?? clinic?.name} errors={err.name} />
      <TextField id={`${prefix}-address`} name="address" label="Street address" defaultValue={failed?.values?.address ?? clinic?.address} errors={err.address} />
      <TextField id={`${prefix}-phone`} name="phone" label="Phone" type="tel" defaultValue={failed?.values?.phone ?? clinic?.phone} errors={err.phone} />
      <SubmitButton pending={pending} variant={clinic ? "secondary" : "primary"}>
        {clinic ? "Save clinic" : "Add clinic"}
      </SubmitButton>
    </form>
  );
}
