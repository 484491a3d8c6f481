"use client";

import { useActionState, useState } from "react";
import { FormAlert, FormSuccess, SubmitButton } from "@/app/_components/form-parts";
import { formatKey, keyShapeMessage, keyShapeProblem } from "@/lib/registration-keys/key-format";
import { claimKeyAction } from "./actions";

// The check character lets the browser catch a typo before anything is sent.
export function KeyForm() {
  const [state, action, pending] = useActionState(claimKeyAction, null);
  const [local, setLocal] = useState<string | null>(null);
  const failed = state?.ok === false ? state : undefined;
  const errors = local ? [local] : failed?.fieldErrors?.key;
  return (
    <form
      action={action}
      noValidate
      onSubmit={(e) => {
        const input = e.currentTarget.elements.namedItem("key") as HTMLInputElement;
        const problem = keyShapeProblem(input.value);
        if (problem) {
          e.preventDefault();
          setLocal(keyShapeMessage(problem));
          input.focus();
        }
      }}
      className="space-y-4"
    >
      <FormAlert message={failed?.formError} />
      <FormSuccess message={state?.ok ? state.message : undefined} />
      <div className="space-y-1">
        <label htmlFor="key" className="block font-medium text-slate-900">
          Registration key
        </label>
        <p id="key-hint" className="text-sm text-slate-700">
          16 characters, like ABCD-EFGH-JKLM-NPQR. Paste it as it came; spaces and lower case are fine.
        </p>
        <input
          id="key"
          name="key"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          defaultValue={failed?.values?.key}
          onBlur={(e) => {
            const v = e.currentTarget.value;
            const problem = v.trim() ? keyShapeProblem(v) : null;
            setLocal(problem ? keyShapeMessage(problem) : null);
            if (!problem && v.trim()) e.currentTarget.value = formatKey(v);
          }}
          onChange={() => setLocal(null)}
          aria-invalid={errors ? true : undefined}
          aria-describedby={["key-hint", errors ? "key-error" : ""].filter(Boolean).join(" ")}
          className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2 font-mono text-lg tracking-wider uppercase aria-[invalid=true]:border-red-700"
        />
        {errors ? (
          <p id="key-error" className="text-sm font-medium text-red-800">
            {errors.join(" ")}
          </p>
        ) : null}
      </div>
      <SubmitButton pending={pending}>Use this key</SubmitButton>
    </form>
  );
}
