"use client";

import { useActionState, useId } from "react";
import { FormAlert, FormSuccess } from "@/app/_components/form-parts";
import type { Action } from "@/lib/auth/validated-action";

// One small form per console action. Every console form is the same shape (a few labelled fields, hidden
// ids, one button, its own result), so they share this component instead of one file per form.

export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "email" | "date" | "number" | "textarea" | "select";
  hint?: string;
  required?: boolean;
  defaultValue?: string;
  options?: { value: string; label: string }[];
}

interface Props<T> {
  action: Action<T>;
  /** The form's accessible name. */
  label: string;
  submit: string;
  hidden?: Record<string, string>;
  fields?: FieldSpec[];
  variant?: "primary" | "danger" | "secondary";
  /** Extra output after a success (e.g. the keys just issued). */
  renderResult?: (data: T) => React.ReactNode;
}

const BUTTON = {
  primary: "bg-teal-800 text-white hover:bg-teal-900",
  danger: "bg-red-800 text-white hover:bg-red-900",
  secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100",
};

export function ActionForm<T>({ action, label, submit, hidden = {}, fields = [], variant = "primary", renderResult }: Props<T>) {
  const [state, formAction, pending] = useActionState(action, null);
  const prefix = useId();
  const failed = state?.ok === false ? state : undefined;
  return (
    <form action={formAction} aria-label={label} noValidate className="space-y-3">
      <FormAlert message={failed?.formError} />
      <FormSuccess message={state?.ok ? state.message : undefined} />
      {state?.ok && renderResult ? renderResult(state.data) : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f) => {
        const id = `${prefix}-${f.name}`;
        const errors = failed?.fieldErrors?.[f.name];
        const describedBy = [f.hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
        const common = {
          id,
          name: f.name,
          required: f.required ?? true,
          defaultValue: failed?.values?.[f.name] ?? f.defaultValue,
          "aria-invalid": errors?.length ? true : undefined,
          "aria-describedby": describedBy,
          className: "block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700",
        };
        return (
          <div key={f.name} className="space-y-1">
            <label htmlFor={id} className="block font-medium text-slate-900">
              {f.label}
            </label>
            {f.hint ? (
              <p id={`${id}-hint`} className="text-sm text-slate-700">
                {f.hint}
              </p>
            ) : null}
            {f.type === "textarea" ? (
              <textarea rows={2} {...common} />
            ) : f.type === "select" ? (
              <select {...common}>
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input type={f.type ?? "text"} {...common} />
            )}
            {errors?.length ? (
              <p id={`${id}-error`} className="text-sm font-medium text-red-800">
                {errors.join(" ")}
              </p>
            ) : null}
          </div>
        );
      })}
      <button type="submit" disabled={pending} aria-disabled={pending} className={`rounded-md px-4 py-2 font-semibold disabled:opacity-70 ${BUTTON[variant]}`}>
        {pending ? "Please wait…" : submit}
      </button>
    </form>
  );
}
