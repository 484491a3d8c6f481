"use client";

import { useActionState } from "react";
import { signInWithPassword } from "./actions";
import { FormAlert, SubmitButton, TextField } from "@/app/_components/form-parts";

export function PasswordForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signInWithPassword, null);
  const failed = state?.ok === false ? state : undefined;
  return (
    <form action={action} noValidate aria-labelledby="password-form-heading" className="space-y-4">
      <h2 id="password-form-heading" className="text-lg font-semibold">
        Sign in with your password
      </h2>
      <FormAlert message={failed?.formError} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField id="sign-in-email" name="email" label="Email" type="email" autoComplete="email" errors={failed?.fieldErrors?.email} defaultValue={failed?.values?.email} />
      <TextField id="sign-in-password" name="password" label="Password" type="password" autoComplete="current-password" errors={failed?.fieldErrors?.password} />
      <SubmitButton pending={pending}>Sign in</SubmitButton>
    </form>
  );
}
