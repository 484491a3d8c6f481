"use client";

import { useActionState } from "react";
import { FormAlert, SubmitButton } from "@/app/_components/form-parts";
import { joinPracticeAction } from "./actions";

export function JoinForm({ token, practiceName }: { token: string; practiceName: string }) {
  const [state, action, pending] = useActionState(joinPracticeAction, null);
  return (
    <form action={action} className="space-y-3">
      <FormAlert message={state?.ok === false ? state.formError : undefined} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending}>Join {practiceName}</SubmitButton>
    </form>
  );
}
