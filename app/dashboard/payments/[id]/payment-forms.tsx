"use client";

import { useActionState } from "react";
import { FormAlert, FormSuccess, SubmitButton, TextField } from "@/app/_components/form-parts";
import { markPostedAction, refundAction } from "./actions";

export function RefundForm({ paymentId, maxAmount }: { paymentId: string; maxAmount: string }) {
  const [state, action, pending] = useActionState(refundAction, null);
  const failed = state?.ok === false ? state : undefined;
  return (
    <form action={action} noValidate className="space-y-3">
      <FormAlert message={failed?.formError} />
      <FormSuccess message={state?.ok ? state.message : undefined} />
      <input type="hidden" name="paymentId" value={paymentId} />
      <TextField id="amount" name="amount" label="Amount to refund" inputMode="decimal" hint={`Up to $${maxAmount}. Enter less for a partial refund.`} defaultValue={failed?.values?.amount ?? maxAmount} errors={failed?.fieldErrors?.amount} />
      <div className="flex items-start gap-2">
        <input id="confirm" name="confirm" type="checkbox" value="yes" className="mt-1 h-5 w-5" aria-describedby={failed?.fieldErrors?.confirm ? "confirm-error" : undefined} />
        <label htmlFor="confirm">Refund this amount to the patient&apos;s card. This can&apos;t be undone.</label>
      </div>
      {failed?.fieldErrors?.confirm ? (
        <p id="confirm-error" className="text-sm font-medium text-red-800">
          {failed.fieldErrors.confirm.join(" ")}
        </p>
      ) : null}
      <SubmitButton pending={pending} variant="secondary">
        Refund
      </SubmitButton>
    </form>
  );
}

export function MarkPostedForm({ paymentId }: { paymentId: string }) {
  const [state, action, pending] = useActionState(markPostedAction, null);
  return (
    <form action={action} className="space-y-3">
      <FormAlert message={state?.ok === false ? state.formError : undefined} />
      <FormSuccess message={state?.ok ? state.message : undefined} />
      <input type="hidden" name="paymentId" value={paymentId} />
      <SubmitButton pending={pending}>Mark as posted in our practice software</SubmitButton>
    </form>
  );
}
