import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getI18n } from "@/lib/i18n/get-locale";
import { formatCents } from "@/lib/money";
import { readPatientSession } from "@/lib/patients/session-cookie";
import { confirmPaymentOnReturn } from "@/lib/payments/confirm-payment";
import { getPortalTenant } from "@/lib/tenancy/get-portal-tenant";
import { PrintButton } from "../../_components/print-button";
import { SessionEnded } from "../../_components/session-ended";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: t.result.pageTitle };
}

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ payment?: string; canceled?: string }> };

const BRAND: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", discover: "Discover" };

// Where the processor sends the patient back. It asks the processor itself, so it never waits for the webhook.
export default async function PaymentResult({ params, searchParams }: Props) {
  const [tenant, { t, intl }, query] = await Promise.all([(async () => getPortalTenant((await params).tenant))(), getI18n(), searchParams]);
  if (!tenant) notFound();
  const paymentId = z.uuid().safeParse(query.payment);
  if (!paymentId.success) notFound();
  const session = await readPatientSession(tenant.id);
  // Only the patient who paid (same practice, same identified patient) sees the receipt here; the email has it too.
  if (!session) return <SessionEnded t={t} />;
  const payment = await confirmPaymentOnReturn(await getDb(), tenant.id, paymentId.data);
  if (!payment || payment.patientId !== session.patientId) notFound();
  const money = formatCents(payment.amountCents, payment.currency, intl);
  const retry = session.verifiedAt ? "/balance" : "/pay/amount";

  if (payment.status === "succeeded" || payment.status === "partially_refunded" || payment.status === "refunded") {
    const when = new Intl.DateTimeFormat(intl, { dateStyle: "long", timeStyle: "short", timeZone: tenant.timeZone }).format(payment.succeededAt ?? payment.createdAt);
    return (
      <section aria-labelledby="result-title" className="space-y-5">
        <h1 id="result-title" className="text-2xl font-semibold text-emerald-900">
          {t.result.successTitle}
        </h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-xl border border-slate-200 bg-white p-5 text-lg">
          <dt className="font-medium">{t.result.amount}</dt>
          <dd className="font-bold tabular-nums">{money}</dd>
          <dt className="font-medium">{t.result.practice}</dt>
          <dd>{tenant.name}</dd>
          <dt className="font-medium">{t.result.date}</dt>
          <dd>{when}</dd>
          {payment.receiptNumber ? (
            <>
              <dt className="font-medium">{t.result.receiptNumber}</dt>
              <dd className="font-mono">{payment.receiptNumber}</dd>
            </>
          ) : null}
          {payment.cardLast4 ? (
            <>
              <dt className="font-medium">{t.result.card}</dt>
              <dd>{t.result.cardValue(BRAND[payment.cardBrand ?? ""] ?? payment.cardBrand ?? "", payment.cardLast4)}</dd>
            </>
          ) : null}
        </dl>
        {payment.receiptSentAt ? <p className="text-slate-700">{t.result.receiptEmailed}</p> : null}
        <div className="flex flex-col gap-3 print:hidden">
          <PrintButton label={t.result.print} />
          <Link href="/" className="block rounded-xl border-2 border-slate-400 bg-white px-5 py-3 text-center text-lg font-semibold">
            {t.result.done}
          </Link>
        </div>
      </section>
    );
  }
  if (payment.status === "pending" && !query.canceled) {
    return (
      <section aria-labelledby="result-title" className="space-y-4">
        <h1 id="result-title" className="text-2xl font-semibold">
          {t.result.pendingTitle}
        </h1>
        <p className="text-slate-800">{t.result.pendingBody}</p>
        {payment.failureMessage ? <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">{payment.failureMessage}</p> : null}
        <Link href={`/pay/result?payment=${payment.id}`} className="block rounded-xl bg-[var(--accent)] px-5 py-4 text-center text-xl font-semibold text-white">
          {t.result.refresh}
        </Link>
      </section>
    );
  }
  const canceled = payment.status === "canceled" || query.canceled;
  return (
    <section aria-labelledby="result-title" className="space-y-4">
      <h1 id="result-title" className="text-2xl font-semibold">
        {canceled ? t.result.canceledTitle : t.result.failedTitle}
      </h1>
      <p role="status" className="text-slate-800">
        {canceled ? t.result.canceledBody : t.result.failedBody}
        {payment.failureMessage && !canceled ? ` ${payment.failureMessage}` : null}
      </p>
      <Link href={retry} className="block rounded-xl bg-[var(--accent)] px-5 py-4 text-center text-xl font-semibold text-white">
        {t.result.tryAgain}
      </Link>
    </section>
  );
}
