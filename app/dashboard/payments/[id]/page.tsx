import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/guards";
import { centsToDecimalString, formatCents } from "@/lib/money";
import { loadPaymentDetail } from "@/lib/payments/list-payments";
import { STATUS_LABEL, STATUS_STYLE } from "../labels";
import { MarkPostedForm, RefundForm } from "./payment-forms";

export const metadata: Metadata = { title: "Payment" };

export default async function PaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const { tenant } = await requireMember({ returnTo: "/dashboard/payments" });
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const row = await loadPaymentDetail(await getDb(), tenant.id, id.data);
  if (!row) notFound();
  const p = row.payment;
  const when = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short", timeZone: tenant.timeZone });
  const refundable = p.succeededAt !== null && p.amountCents - p.refundedCents > 0;
  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <Link href="/dashboard/payments" className="text-sm font-medium text-teal-900 underline">
          ← Payments
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold tracking-tight tabular-nums">{formatCents(p.amountCents, p.currency)}</h1>
        <span className={`rounded px-2 py-0.5 text-sm font-semibold ${STATUS_STYLE[p.status]}`}>{STATUS_LABEL[p.status]}</span>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-xl border border-slate-200 bg-white p-5">
        <dt className="font-medium">Patient</dt>
        <dd>
          <Link className="text-teal-900 underline" href={`/dashboard/patients/${p.patientId}`}>
            {row.patientFirstName} {row.patientLastName}
          </Link>{" "}
          (id {row.patientExternalId})
        </dd>
        <dt className="font-medium">Clinic</dt>
        <dd>{row.clinicName ?? "—"}</dd>
        <dt className="font-medium">Started</dt>
        <dd>{when.format(p.createdAt)}</dd>
        {p.succeededAt ? (
          <>
            <dt className="font-medium">Paid</dt>
            <dd>{when.format(p.succeededAt)}</dd>
          </>
        ) : null}
        <dt className="font-medium">Receipt number</dt>
        <dd className="font-mono">{p.receiptNumber ?? "—"}</dd>
        <dt className="font-medium">Card</dt>
        <dd>{p.cardLast4 ? `${p.cardBrand ?? "Card"} ending in ${p.cardLast4}` : "—"}</dd>
        <dt className="font-medium">Source</dt>
        <dd>{p.source === "message_to_pay" ? "Message-to-Pay link" : "Payment portal"}</dd>
        <dt className="font-medium">Processor</dt>
        <dd>
          {p.processorKind === "demo" ? "Demo (no real money)" : "Stripe"} {p.processorPaymentId ? <span className="font-mono text-sm break-all">{p.processorPaymentId}</span> : null}
        </dd>
        {p.refundedCents > 0 ? (
          <>
            <dt className="font-medium">Refunded</dt>
            <dd>{formatCents(p.refundedCents, p.currency)}</dd>
          </>
        ) : null}
        <dt className="font-medium">Posted</dt>
        <dd>{p.postedAt ? when.format(p.postedAt) : p.succeededAt ? "Not yet" : "—"}</dd>
        {p.failureMessage ? (
          <>
            <dt className="font-medium">Last problem</dt>
            <dd>{p.failureMessage}</dd>
          </>
        ) : null}
      </dl>
      {p.succeededAt && !p.postedAt ? (
        <section aria-labelledby="post-title" className="space-y-2 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="post-title" className="text-xl font-semibold">
            Post it
          </h2>
          <p className="text-slate-700">Enter this payment in your practice software, then mark it here so nobody enters it twice.</p>
          <MarkPostedForm paymentId={p.id} />
        </section>
      ) : null}
      {refundable ? (
        <section aria-labelledby="refund-title" className="space-y-2 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="refund-title" className="text-xl font-semibold">
            Refund
          </h2>
          <RefundForm paymentId={p.id} maxAmount={centsToDecimalString(p.amountCents - p.refundedCents)} />
        </section>
      ) : null}
    </div>
  );
}
