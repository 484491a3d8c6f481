"use client";

import { useActionState } from "react";
import type { ActionFormState } from "../../_components/action-form";
import { checkCodeAction } from "../actions";

// The code field with its error tied to it (aria-invalid + aria-describedby), so a screen reader
// hears why the code was refused while focus stays on the field.
export function CodeForm({ label, submit }: { label: string; submit: string }) {
  const [state, action, pending] = useActionState<ActionFormState, FormData>(checkCodeAction, {});
  return (
    <form action={action} className="space-y-4">
      <div>
        <label htmlFor="code" className="mb-1 block text-base font-medium">
          {label}
        </label>
        <input
          id="code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          required
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "code-error" : undefined}
          className="block w-full rounded-lg border border-slate-400 bg-white px-3 py-3 text-center text-2xl tracking-[0.4em] aria-[invalid=true]:border-red-700"
        />
        {state.error ? (
          <p id="code-error" role="alert" className="mt-2 rounded-lg border border-red-300 bg-red-50 p-3 text-red-900">
            {state.error}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className="w-full rounded-xl bg-[var(--accent)] px-5 py-4 text-xl font-semibold text-white disabled:opacity-70">
        {submit}
      </button>
    </form>
  );
}
