"use client";

import { useActionState } from "react";
import { requestSignInLink } from "./actions";
import { FormAlert, SubmitButton, TextField } from "@/app/_components/form-parts";

export function MagicLinkForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(requestSignInLink, null);
  const failed = state?.ok === false ? state : undefined;
  return (
    <form action={action} noValidate aria-labelledby="magic-link-form-heading" className="space-y-4">
      <h2 id="magic-link-form-heading" className="text-lg font-semibold">
        Or get a sign-in link by email
      </h2>
      <FormAlert message={failed?.formError} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField id="magic-link-email" name="email" label="Email" type="email" autoComplete="email" errors={failed?.fieldErrors?.email} defaultValue={failed?.values?.email} />
      <SubmitButton pending={pending} variant="secondary">
        Email me a sign-in link
      </SubmitButton>
    </form>
  );
}
