"use client";

import { useActionState } from "react";
import { FormAlert, SubmitButton, TextField } from "@/app/_components/form-parts";
import { signUp } from "./actions";

// The password rule comes from the server page so this bundle does not pull in zod.
export function SignUpForm({ passwordRule, callbackUrl }: { passwordRule: string; callbackUrl: string }) {
  const [state, action, pending] = useActionState(signUp, null);
  const failed = state?.ok === false ? state : undefined;
  return (
    <form action={action} noValidate aria-label="Create your account" className="space-y-4">
      <FormAlert message={failed?.formError} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField id="sign-up-name" name="name" label="Your name" autoComplete="name" errors={failed?.fieldErrors?.name} defaultValue={failed?.values?.name} />
      <TextField id="sign-up-email" name="email" label="Email" type="email" autoComplete="email" errors={failed?.fieldErrors?.email} defaultValue={failed?.values?.email} />
      <TextField
        id="sign-up-password"
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={passwordRule}
        errors={failed?.fieldErrors?.password}
      />
      <SubmitButton pending={pending}>Create account</SubmitButton>
    </form>
  );
}
