import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { formatCents } from "@/lib/money";
import { loadDemoCheckout } from "@/lib/payments/demo/demo-checkout";
import { DemoCheckoutForm } from "./demo-checkout-form";

export const metadata: Metadata = { title: "Demo payment", robots: { index: false, follow: false } };

type Props = { params: Promise<{ sessionId: string }> };

const BRAND: Record<string, string> = { visa: "Visa", mastercard: "Mastercard" };

// The demo processor's hosted page, on the root host as Stripe's is on its own domain. The random
// session id in the URL is the only credential; nothing here is cached.
export default async function DemoCheckoutPage({ params }: Props) {
  const { sessionId } = await params;
  const view = await loadDemoCheckout(await getDb(), sessionId);
  if (!view) notFound();
  const amount = view.amountCents !== null ? formatCents(view.amountCents, view.currency) : null;
  const title = view.mode === "payment" ? `Pay ${view.practiceName}` : `Save a card with ${view.practiceName}`;

  let body: React.ReactNode;
  if (!view.available) {
    body = <Notice text="Demo payments are turned off for this practice. No payment was taken." link={{ href: view.cancelUrl, label: `Back to ${view.practiceName}` }} />;
  } else if (view.status === "complete") {
    body = <Notice text={view.mode === "payment" ? "This payment is complete." : "Your card is saved."} link={{ href: view.successUrl, label: `Back to ${view.practiceName}` }} />;
  } else if (view.status === "expired") {
    body = <Notice text="This payment page has expired. No payment was taken." link={{ href: view.cancelUrl, label: `Back to ${view.practiceName}` }} />;
  } else {
    body = (
      <>
        <DemoCheckoutForm
          sessionId={view.sessionId}
          submitLabel={view.mode === "payment" ? `Pay ${amount}` : "Save card"}
          savedCards={view.savedCards.map((c) => ({ id: c.id, label: `Pay with ${BRAND[c.brand] ?? c.brand} ending in ${c.last4}` }))}
        />
        <p className="text-slate-700">
          Test cards: <span className="font-mono">4242 4242 4242 4242</span> succeeds, <span className="font-mono">4000 0000 0000 0002</span> is declined. Use any future
          expiry and any 3 digits.
        </p>
        <p>
          <a href={view.cancelUrl} className="inline-block min-h-12 py-3 text-lg font-medium text-indigo-800 underline">
            Cancel
          </a>
        </p>
      </>
    );
  }

  return (
    <main className="mx-auto max-w-md space-y-6 p-4 sm:p-8">
      <p className="rounded-xl border-2 border-amber-500 bg-amber-50 p-4 text-center text-lg font-bold text-amber-950">Demo payment — no real money</p>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{title}</h1>
        {amount && view.mode === "payment" ? <p className="text-4xl font-bold tabular-nums">{amount}</p> : null}
        <p className="text-slate-700">{view.description}</p>
      </header>
      {body}
    </main>
  );
}

function Notice({ text, link }: { text: string; link: { href: string; label: string } }) {
  return (
    <div className="space-y-4">
      <p role="status" className="rounded-lg border border-slate-300 bg-white p-4 text-lg">
        {text}
      </p>
      <a href={link.href} className="block min-h-14 rounded-xl bg-indigo-700 px-5 py-4 text-center text-xl font-semibold text-white">
        {link.label}
      </a>
    </div>
  );
}
