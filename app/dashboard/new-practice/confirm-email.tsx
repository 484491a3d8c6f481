"use client";

import { useActionState } from "react";
import { FormAlert, FormSuccess, SubmitButton } from "@/app/_components/form-parts";
import { resendVerificationAction } from "./actions";

/** Shown instead of the practice form until the user has confirmed their email address. */
export function ConfirmEmail({ email }: { email: string }) {
  const [state, action, pending] = useActionState(resendVerificationAction, null);
  return (
    <section aria-labelledby="confirm-title" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="confirm-title" className="text-xl font-semibold">
        Confirm your email address
      </h2>
      <p className="text-slate-800">
        We sent a link to <strong>{email}</strong>. Open it on this device to continue setting up your practice. It can take a minute to arrive; check your spam
        folder too.
      </p>
      <form action={action} className="space-y-3">
        <FormAlert message={state?.ok === false ? state.formError : undefined} />
        <FormSuccess message={state?.ok ? state.message : undefined} />
        <SubmitButton pending={pending} variant="secondary">
          Send a new link
        </SubmitButton>
      </form>
    </section>
  );
}
