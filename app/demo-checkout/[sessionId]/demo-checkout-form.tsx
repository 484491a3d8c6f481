"use client";

import { useActionState } from "react";
import { payDemoCheckout } from "./actions";

interface Props {
  sessionId: string;
  submitLabel: string;
  savedCards: { id: string; label: string }[];
}

const input =
  "block w-full rounded-lg border-2 border-slate-500 bg-white px-4 py-3 text-lg text-slate-900 aria-[invalid=true]:border-red-700";

/** The demo page's card form: one alert for the whole form (announced when it appears), large fields and button. */
export function DemoCheckoutForm({ sessionId, submitLabel, savedCards }: Props) {
  const [state, action, pending] = useActionState(payDemoCheckout, null);
  const failed = state?.ok === false ? state : undefined;
  const invalid = (field: string) => (failed?.fieldErrors?.[field] ? { "aria-invalid": true, "aria-describedby": "demo-checkout-error" } : {});
  return (
    <div className="space-y-6">
      <div role="alert" id="demo-checkout-error" className={failed?.formError ? "rounded-lg border-2 border-red-300 bg-red-50 p-4 text-lg font-semibold text-red-900" : "sr-only"}>
        {failed?.formError}
      </div>
      {savedCards.length > 0 ? (
        <form action={action} className="space-y-3" aria-label="Pay with a saved card">
          <input type="hidden" name="session" value={sessionId} />
          {savedCards.map((card) => (
            <button
              key={card.id}
              type="submit"
              name="savedCardId"
              value={card.id}
              disabled={pending}
              className="block min-h-14 w-full rounded-xl border-2 border-slate-400 bg-white px-5 py-3 text-left text-lg font-semibold text-slate-900 disabled:opacity-70"
            >
              {card.label}
            </button>
          ))}
          <p className="text-center text-slate-700">or enter a card</p>
        </form>
      ) : null}
      <form action={action} noValidate className="space-y-4" aria-label="Card details">
        <input type="hidden" name="session" value={sessionId} />
        <div className="space-y-1">
          <label htmlFor="cardNumber" className="block text-lg font-medium">
            Card number
          </label>
          <input id="cardNumber" name="cardNumber" inputMode="numeric" autoComplete="cc-number" placeholder="1234 1234 1234 1234" className={input} {...invalid("cardNumber")} />
        </div>
        <div className="grid grid-cols-2 gap-4">
          <div className="space-y-1">
            <label htmlFor="expiry" className="block text-lg font-medium">
              Expiry (MM / YY)
            </label>
            <input id="expiry" name="expiry" inputMode="numeric" autoComplete="cc-exp" placeholder="MM / YY" className={input} {...invalid("expiry")} />
          </div>
          <div className="space-y-1">
            <label htmlFor="cvc" className="block text-lg font-medium">
              CVC
            </label>
            <input id="cvc" name="cvc" inputMode="numeric" autoComplete="cc-csc" placeholder="123" className={input} {...invalid("cvc")} />
          </div>
        </div>
        <button type="submit" disabled={pending} className="block min-h-14 w-full rounded-xl bg-indigo-700 px-5 py-4 text-xl font-semibold text-white disabled:opacity-70">
          {pending ? "Please wait…" : submitLabel}
        </button>
      </form>
    </div>
  );
}
