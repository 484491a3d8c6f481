"use client";

import { useActionState } from "react";

export interface ActionFormState {
  error?: string;
  notice?: string;
}

type Action = (state: ActionFormState, form: FormData) => Promise<ActionFormState>;

/** A form whose server action may answer with an error or a notice, announced to screen readers. */
export function ActionForm({
  action,
  submit,
  submitLabel,
  variant = "primary",
  children,
}: {
  action: Action;
  submit: string;
  /** Accessible name when the visible text needs context ("Remove" → "Remove Visa ending in 4242"). */
  submitLabel?: string;
  variant?: "primary" | "secondary";
  children?: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const button =
    variant === "primary"
      ? "w-full rounded-xl bg-[var(--accent)] px-5 py-4 text-xl font-semibold text-white disabled:opacity-70"
      : "w-full rounded-xl border-2 border-slate-400 bg-white px-5 py-3 text-lg font-semibold text-slate-900 disabled:opacity-70";
  return (
    <form action={formAction} className="space-y-4">
      {state.error ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
          {state.error}
        </p>
      ) : null}
      {state.notice ? (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-emerald-900">
          {state.notice}
        </p>
      ) : null}
      {children}
      <button type="submit" disabled={pending} aria-label={submitLabel} className={button}>
        {submit}
      </button>
    </form>
  );
}
