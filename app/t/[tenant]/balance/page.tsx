import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getI18n } from "@/lib/i18n/get-locale";
import { centsToDecimalString, formatCents } from "@/lib/money";
import { readPatientSession } from "@/lib/patients/session-cookie";
import { loadSessionPatient } from "@/lib/patients/session-patient";
import { displayedBalanceCents } from "@/lib/payments/displayed-balance";
import { listSavedCards } from "@/lib/payments/saved-cards";
import { getPortalTenant } from "@/lib/tenancy/get-portal-tenant";
import { ActionForm } from "../_components/action-form";
import { PayForm } from "../_components/pay-form";
import { payLabels } from "../_components/pay-labels";
import { SessionEnded } from "../_components/session-ended";
import { startPaymentAction } from "../pay/pay-actions";
import { addCardAction, deleteCardAction } from "./actions";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: t.identity.verifyTitle };
}

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ card?: string }> };

// Pay and Verify, step 4: the balance as of the last statement, then pay it (or part), with saved cards.
export default async function BalancePage({ params, searchParams }: Props) {
  const [tenant, { t, intl }] = await Promise.all([(async () => getPortalTenant((await params).tenant))(), getI18n()]);
  if (!tenant) notFound();
  const session = await readPatientSession(tenant.id);
  if (!session) return <SessionEnded t={t} />;
  if (!session.verifiedAt) redirect("/verify/send");
  const db = await getDb();
  const found = await loadSessionPatient(db, session);
  if (!found) return <SessionEnded t={t} />;
  const { patient } = found;
  const [owed, cards] = await Promise.all([displayedBalanceCents(db, patient), listSavedCards(db, tenant, session)]);
  const money = (c: number) => formatCents(c, tenant.currency, intl);
  const asOf = patient.statementDate ? new Date(`${patient.statementDate}T12:00:00Z`) : (patient.balanceAsOf ?? new Date());
  const dateText = new Intl.DateTimeFormat(intl, { dateStyle: "long", timeZone: "UTC" }).format(asOf);
  const paidSince = Math.max(0, patient.balanceCents) - owed;
  return (
    <section aria-labelledby="balance-title" className="space-y-6">
      <div className="space-y-1">
        <h1 id="balance-title" className="text-2xl font-semibold">
          {t.balance.greeting(patient.preferredName ?? patient.firstName)}
        </h1>
        <p className="text-slate-700">{t.pay.paymentTo(found.clinicName ?? tenant.name)}</p>
      </div>
      {(await searchParams).card === "added" ? (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-emerald-900">
          {t.balance.cardAdded}
        </p>
      ) : null}
      <div className="rounded-xl border border-slate-200 bg-white p-5">
        <p className="text-base text-slate-700">{t.balance.asOf(dateText)}</p>
        <p className="text-4xl font-bold tabular-nums">{money(owed)}</p>
        {paidSince > 0 ? <p className="mt-1 text-sm text-slate-700">{t.balance.paidSince(money(paidSince))}</p> : null}
      </div>
      {owed <= 0 ? (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-emerald-900">
          {t.balance.nothingOwed}
        </p>
      ) : (
        <>
          {cards.map((c) => (
            <ActionForm key={c.id} action={startPaymentAction} submit={t.balance.payWithCard(c.brand, c.last4, money(owed))}>
              <input type="hidden" name="amount" value={centsToDecimalString(owed)} />
              <input type="hidden" name="savedPaymentMethodId" value={c.id} />
            </ActionForm>
          ))}
          <ActionForm action={startPaymentAction} submit={t.balance.payFull(money(owed))} variant={cards.length > 0 ? "secondary" : "primary"}>
            <input type="hidden" name="amount" value={centsToDecimalString(owed)} />
          </ActionForm>
        </>
      )}
      <details className="rounded-xl border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer text-lg font-semibold">{t.balance.payOther}</summary>
        <div className="mt-4">
          <PayForm labels={payLabels(t, intl, tenant, true)} />
        </div>
      </details>
      <section aria-labelledby="cards-title" className="space-y-3">
        <h2 id="cards-title" className="text-xl font-semibold">
          {t.balance.savedCards}
        </h2>
        {cards.length === 0 ? <p className="text-slate-700">{t.balance.noCards}</p> : null}
        <ul className="space-y-2">
          {cards.map((c) => (
            <li key={c.id} className="flex items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-3">
              <span>{t.balance.cardLabel(c.brand, c.last4, `${String(c.expMonth).padStart(2, "0")}/${String(c.expYear).slice(-2)}`)}</span>
              <div className="w-32">
                <ActionForm action={deleteCardAction} submit={t.balance.deleteCard} submitLabel={t.balance.deleteCardLabel(c.brand, c.last4)} variant="secondary">
                  <input type="hidden" name="paymentMethodId" value={c.id} />
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
        <ActionForm action={addCardAction} submit={t.balance.addCard} variant="secondary" />
      </section>
    </section>
  );
}
