"use client";

import { useActionState } from "react";
import type { PayFormState } from "../pay/pay-actions";
import { startPaymentAction } from "../pay/pay-actions";

export interface PayFormLabels {
  amountLabel: string;
  amountHint: string;
  receiptEmailLabel: string;
  receiptEmailHint: string;
  saveCard?: string;
  submit: string;
  secureNote: string;
}

const field = "block w-full rounded-lg border border-slate-400 bg-white px-3 py-3 text-lg aria-[invalid=true]:border-red-700";

/** Amount (and optional receipt email) → the processor's hosted payment page. */
export function PayForm({ labels, defaultAmount }: { labels: PayFormLabels; defaultAmount?: string }) {
  const [state, action, pending] = useActionState<PayFormState, FormData>(startPaymentAction, {});
  const err = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-5">
      {state.error ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
          {state.error}
        </p>
      ) : null}
      <div>
        <label htmlFor="amount" className="mb-1 block text-base font-medium">
          {labels.amountLabel}
        </label>
        <p id="amount-hint" className="mb-1 text-sm text-slate-700">
          {labels.amountHint}
        </p>
        <div className="flex items-center rounded-lg border border-slate-400 bg-white focus-within:outline focus-within:outline-3 focus-within:outline-blue-700">
          <span aria-hidden="true" className="pl-3 text-lg text-slate-700">
            $
          </span>
          <input
            id="amount"
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={state.values?.amount ?? defaultAmount}
            aria-invalid={!!err.amount}
            aria-describedby={["amount-hint", err.amount ? "amount-error" : ""].filter(Boolean).join(" ")}
            className="min-w-0 flex-1 bg-transparent px-2 py-3 text-lg outline-none"
          />
        </div>
        {err.amount ? (
          <p id="amount-error" className="mt-1 text-base text-red-800">
            {err.amount}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="receiptEmail" className="mb-1 block text-base font-medium">
          {labels.receiptEmailLabel}
        </label>
        <p id="receipt-hint" className="mb-1 text-sm text-slate-700">
          {labels.receiptEmailHint}
        </p>
        <input
          id="receiptEmail"
          name="receiptEmail"
          type="email"
          autoComplete="email"
          defaultValue={state.values?.receiptEmail}
          aria-invalid={!!err.receiptEmail}
          aria-describedby={["receipt-hint", err.receiptEmail ? "receipt-error" : ""].filter(Boolean).join(" ")}
          className={field}
        />
        {err.receiptEmail ? (
          <p id="receipt-error" className="mt-1 text-base text-red-800">
            {err.receiptEmail}
          </p>
        ) : null}
      </div>
      {labels.saveCard ? (
        <label className="flex items-center gap-3 text-base">
          <input type="checkbox" name="saveCard" value="yes" className="h-5 w-5" />
          {labels.saveCard}
        </label>
      ) : null}
      <button type="submit" disabled={pending} className="w-full rounded-xl bg-[var(--accent)] px-5 py-4 text-xl font-semibold text-white disabled:opacity-70">
        {labels.submit}
      </button>
      <p className="text-sm text-slate-700">{labels.secureNote}</p>
    </form>
  );
}
