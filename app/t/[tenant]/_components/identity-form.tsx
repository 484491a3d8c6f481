"use client";

import { useActionState } from "react";
import type { IdentityError } from "@/lib/patients/identity-schema";

export interface IdentityFormState {
  fieldErrors: Partial<Record<IdentityError, string>>;
  formError?: string;
  values?: Record<string, string>;
}

export interface IdentityLabels {
  firstName: string;
  lastName: string;
  birthdate: string;
  month: string;
  day: string;
  year: string;
  monthHint: string;
  dayHint: string;
  yearHint: string;
  submit: string;
  callHelp?: string;
}

type Action = (state: IdentityFormState, form: FormData) => Promise<IdentityFormState>;

const input = "block w-full rounded-lg border border-slate-400 bg-white px-3 py-3 text-lg text-slate-900 aria-[invalid=true]:border-red-700";

// Names and a typed birthdate; errors sit next to their fields and are announced.
export function IdentityForm({ action, labels, phone }: { action: Action; labels: IdentityLabels; phone?: string | null }) {
  const [state, formAction, pending] = useActionState(action, { fieldErrors: {} });
  const err = state.fieldErrors;
  const v = state.values ?? {};
  const birthError = err.birthMonth ?? err.birthDay ?? err.birthYear ?? err.birthdate;
  return (
    <form action={formAction} noValidate className="space-y-5">
      {state.formError ? (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
          <p>{state.formError}</p>
          {labels.callHelp && phone ? (
            <p className="mt-1">
              {labels.callHelp}{" "}
              <a className="font-semibold underline" href={`tel:${phone.replace(/[^\d+]/g, "")}`}>
                {phone}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
      <Field id="firstName" label={labels.firstName} error={err.firstName}>
        <input id="firstName" name="firstName" autoComplete="given-name" defaultValue={v.firstName} className={input} aria-invalid={!!err.firstName} aria-describedby={err.firstName ? "firstName-error" : undefined} />
      </Field>
      <Field id="lastName" label={labels.lastName} error={err.lastName}>
        <input id="lastName" name="lastName" autoComplete="family-name" defaultValue={v.lastName} className={input} aria-invalid={!!err.lastName} aria-describedby={err.lastName ? "lastName-error" : undefined} />
      </Field>
      <fieldset aria-describedby={birthError ? "birth-error" : undefined}>
        <legend className="mb-1 text-base font-medium text-slate-900">{labels.birthdate}</legend>
        <div className="grid grid-cols-[1fr_1fr_1.5fr] gap-3">
          {(
            [
              ["birthMonth", labels.month, labels.monthHint, "bday-month", 2],
              ["birthDay", labels.day, labels.dayHint, "bday-day", 2],
              ["birthYear", labels.year, labels.yearHint, "bday-year", 4],
            ] as const
          ).map(([name, label, hint, autoComplete, max]) => (
            <div key={name}>
              <label htmlFor={name} className="block text-sm text-slate-800">
                {label}
              </label>
              <input
                id={name}
                name={name}
                inputMode="numeric"
                pattern="[0-9]*"
                maxLength={max}
                placeholder={hint}
                autoComplete={autoComplete}
                defaultValue={v[name]}
                className={input}
                aria-invalid={!!err[name] || (name === "birthDay" && !!err.birthdate)}
              />
            </div>
          ))}
        </div>
        {birthError ? (
          <p id="birth-error" className="mt-1 text-base text-red-800">
            {birthError}
          </p>
        ) : null}
      </fieldset>
      <button type="submit" disabled={pending} className="w-full rounded-xl bg-[var(--accent)] px-5 py-4 text-xl font-semibold text-white disabled:opacity-70">
        {labels.submit}
      </button>
    </form>
  );
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-base font-medium text-slate-900">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-base text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
