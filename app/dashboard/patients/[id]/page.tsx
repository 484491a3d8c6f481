import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/guards";
import { formatCents } from "@/lib/money";
import { previewSingle } from "@/lib/message-to-pay/single-preview";
import { loadPatientDetail } from "@/lib/patients/patient-detail";
import { SendPanel } from "./send-panel";

import { STATUS_LABEL } from "../../payments/labels";

export const metadata: Metadata = { title: "Patient" };

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const { tenant } = await requireMember({ returnTo: "/dashboard/patients" });
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const db = await getDb();
  const [detail, mtp] = await Promise.all([loadPatientDetail(db, tenant.id, id.data), previewSingle(db, tenant.id, id.data)]);
  if (!detail || !mtp) notFound();
  const { patient: p } = detail;
  return (
    <div className="space-y-6">
      <p>
        <Link href="/dashboard/patients" className="text-sm font-medium text-teal-900 underline">
          ← Patients
        </Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">
        {p.firstName} {p.lastName}
        {p.preferredName ? <span className="text-xl font-normal text-slate-700"> ({p.preferredName})</span> : null}
      </h1>
      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="balance-title" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="balance-title" className="text-lg font-semibold">
            Balance
          </h2>
          <p className="text-3xl font-bold tabular-nums">{formatCents(detail.owedCents, tenant.currency)}</p>
          <p className="text-sm text-slate-700">
            Statement balance {formatCents(p.balanceCents, tenant.currency)}
            {p.balanceAsOf ? ` as of ${dateTime.format(p.balanceAsOf)}` : ""}
            {detail.owedCents !== Math.max(0, p.balanceCents) ? ", less online payments since." : "."}
          </p>
        </section>
        <section aria-labelledby="details-title" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="details-title" className="text-lg font-semibold">
            Details
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-medium">Patient id</dt>
            <dd>{p.externalId}</dd>
            <dt className="font-medium">Birthdate</dt>
            <dd>{p.birthdate}</dd>
            <dt className="font-medium">Clinic</dt>
            <dd>{detail.clinicName ?? "—"}</dd>
            <dt className="font-medium">Email</dt>
            <dd>{p.email ?? "—"}</dd>
            <dt className="font-medium">Phone</dt>
            <dd>{p.phone ?? "—"}</dd>
          </dl>
        </section>
      </div>
      <section aria-labelledby="mtp-title" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="mtp-title" className="text-lg font-semibold">
          Send Message-to-Pay
        </h2>
        {mtp.balanceCents > 0 ? (
          <SendPanel
            patientId={p.id}
            channels={mtp.channels}
            prefill={mtp.prefill}
            statement={`Statement: ${formatCents(mtp.balanceCents, mtp.currency)} as of ${new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: tenant.timeZone }).format(mtp.asOf)}. The link shows this balance and anything paid online since.`}
          />
        ) : (
          <p className="text-slate-700">This patient doesn&apos;t owe anything right now, so there is nothing to request.</p>
        )}
      </section>
      <section aria-labelledby="payments-title" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="payments-title" className="text-xl font-semibold">
            Payments
          </h2>
          {detail.payments.length > 0 ? (
            <Link href={`/dashboard/payments?patient=${p.id}`} className="text-sm font-medium text-teal-900 underline">
              Filter the payments list by this patient
            </Link>
          ) : null}
        </div>
        {detail.payments.length === 0 ? (
          <p className="text-slate-700">No online payments yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {detail.payments.map((pay) => (
              <li key={pay.id} className="flex flex-wrap justify-between gap-2 p-3 text-sm">
                <Link href={`/dashboard/payments/${pay.id}`} className="font-medium text-teal-900 underline">
                  {formatCents(pay.amountCents, pay.currency)} · {STATUS_LABEL[pay.status]}
                </Link>
                <span className="text-slate-700">{dateTime.format(pay.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="messages-title" className="space-y-2">
        <h2 id="messages-title" className="text-xl font-semibold">
          Messages
        </h2>
        {detail.messages.length === 0 ? (
          <p className="text-slate-700">No messages sent to this patient yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {detail.messages.map((m) => (
              <li key={m.id} className="flex flex-wrap justify-between gap-2 p-3 text-sm">
                <span>
                  {m.channel === "email" ? "Email" : "Text"} · {m.subject ?? m.body.slice(0, 60)} · {m.status}
                </span>
                <span className="text-slate-700">{dateTime.format(m.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
