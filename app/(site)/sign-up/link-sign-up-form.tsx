"use client";

import { useActionState } from "react";
import { FormAlert, SubmitButton, TextField } from "@/app/_components/form-parts";
import { signUpWithLink } from "./actions";

export function LinkSignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signUpWithLink, null);
  const failed = state?.ok === false ? state : undefined;
  return (
    <form action={action} noValidate aria-labelledby="link-sign-up-heading" className="space-y-4">
      <h2 id="link-sign-up-heading" className="text-lg font-semibold">
        Or sign up with a link, no password
      </h2>
      <FormAlert message={failed?.formError} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField id="link-sign-up-name" name="name" label="Your name" autoComplete="name" errors={failed?.fieldErrors?.name} defaultValue={failed?.values?.name} />
      <TextField id="link-sign-up-email" name="email" label="Email" type="email" autoComplete="email" errors={failed?.fieldErrors?.email} defaultValue={failed?.values?.email} />
      <SubmitButton pending={pending} variant="secondary">
        Email me a sign-up link
      </SubmitButton>
    </form>
  );
}
