import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireSupport } from "@/lib/auth/guards";
import { listAudit } from "@/lib/audit/list-audit";
import { formatCents } from "@/lib/money";
import { loadTenantDetail } from "@/lib/support/tenant-detail";
import { tenantUrl } from "@/lib/tenancy/urls";
import { ActionForm } from "../../_components/action-form";
import { dateOnly, dateTime } from "../../_components/paging";
import { extendSupportAction, releaseKeyAction, revokeKeyAction } from "../../keys/actions";
import { changeSubdomainAction, sendOwnerLinkAction, startViewAction, suspendAction, unsuspendAction } from "./actions";

type Props = { params: Promise<{ id: string }> };

async function load(params: Props["params"]) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const detail = await loadTenantDetail(await getDb(), id.data);
  if (!detail) notFound();
  return detail;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireSupport();
  return { title: `${(await load(params)).tenant.name} · Support` };
}

function Step({ done, children }: { done: boolean; children: React.ReactNode }) {
  return (
    <li>
      <span aria-hidden="true">{done ? "✓ " : "✗ "}</span>
      <span className="sr-only">{done ? "Done: " : "Not done: "}</span>
      {children}
    </li>
  );
}

// One practice for support: setup, people and health counts (never patients), and the tools that act on it.
export default async function TenantPage({ params }: Props) {
  await requireSupport();
  const d = await load(params);
  const { tenant, setup } = d;
  const practiceId = tenant.id;
  const { rows: recent } = await listAudit(await getDb(), { page: 1 }, practiceId);
  return (
    <main className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-6">
      <div>
        <p><Link href="/support/tenants" className="text-teal-800 underline">All practices</Link></p>
        <h1 className="text-3xl font-bold tracking-tight">{tenant.name}</h1>
        <p className="text-slate-700">
          <a href={tenantUrl(tenant.slug)} className="underline">{tenant.slug}</a> · created {dateOnly.format(tenant.createdAt)} · {setup.live ? "Live" : "Not live"}
        </p>
      </div>
      {setup.suspended ? (
        <p role="status" className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-900">
          Suspended{tenant.suspendedAt ? ` since ${dateTime.format(tenant.suspendedAt)} UTC` : ""}: {setup.suspended.reason ?? "no reason given"}
        </p>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="setup-title" className="space-y-2 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="setup-title" className="text-xl font-semibold">Setup</h2>
          <ul className="space-y-1">
            <Step done={setup.key.state === "active"}>
              Registration key:{" "}
              {setup.key.state === "missing" ? "none" : `${setup.key.formatted}, support until ${dateOnly.format(setup.key.supportUntil)}${setup.key.state === "lapsed" ? " (lapsed)" : ""}`}
              {d.revokedKey && setup.key.state === "missing" ? ` — ${d.revokedKey.formatted} revoked: ${d.revokedKey.reason ?? "no reason"}` : ""}
            </Step>
            <Step done={setup.processor.state === "ready"}>
              Card processor:{" "}
              {d.processor ? `${d.processor.kind}, ${d.processor.chargesEnabled ? "charges enabled" : "charges not enabled"}${d.processor.requirementsDue.length ? `, due: ${d.processor.requirementsDue.join(", ")}` : ""}` : "not connected"}
            </Step>
            <Step done={setup.linkShared}>Portal link shared</Step>
          </ul>
        </section>
        <section aria-labelledby="health-title" className="space-y-2 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="health-title" className="text-xl font-semibold">Activity (last 30 days)</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-medium">Payments</dt>
            <dd>{d.payments30d.count} totalling {formatCents(d.payments30d.totalCents, d.payments30d.currency)}</dd>
            <dt className="font-medium">Failed webhooks</dt>
            <dd>{d.failedWebhooks}</dd>
            <dt className="font-medium">Failed messages</dt>
            <dd>{d.failedMessages}</dd>
          </dl>
        </section>
        <section aria-labelledby="clinics-title" className="space-y-2 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="clinics-title" className="text-xl font-semibold">Clinics</h2>
          <ul>{d.clinics.map((c) => <li key={c.id}>{c.name} (/c/{c.slug})</li>)}</ul>
        </section>
        <section aria-labelledby="team-title" className="space-y-2 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="team-title" className="text-xl font-semibold">Team</h2>
          <ul>{d.team.map((m) => <li key={m.email}>{m.email} — {m.role}</li>)}</ul>
        </section>
      </div>

      <section aria-labelledby="tools-title" className="space-y-4">
        <h2 id="tools-title" className="text-2xl font-semibold">Tools</h2>
        <div className="grid gap-6 md:grid-cols-2">
          <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-5">
            <h3 className="text-lg font-semibold">View as office</h3>
            <p className="text-sm text-slate-700">A read-only look at this practice&apos;s dashboard for 30 minutes at most, logged with your reason. The only way to see patient data.</p>
            <ActionForm action={startViewAction} label="View as office" submit="Start read-only view" hidden={{ practiceId }} fields={[{ name: "reason", label: "Why do you need to look?", type: "textarea" }]} />
          </div>
          <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-5">
            <h3 className="text-lg font-semibold">{setup.suspended ? "Lift suspension" : "Suspend"}</h3>
            {setup.suspended ? (
              <ActionForm action={unsuspendAction} label="Lift suspension" submit="Lift suspension" hidden={{ practiceId }} fields={[{ name: "reason", label: "Reason for lifting", type: "textarea" }]} />
            ) : (
              <ActionForm
                action={suspendAction}
                label="Suspend practice"
                submit="Suspend practice"
                variant="danger"
                hidden={{ practiceId }}
                fields={[{ name: "reason", label: "Reason for suspending", type: "textarea", hint: "The office sees this reason; patients see the unavailable page." }]}
              />
            )}
          </div>
          <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-5">
            <h3 className="text-lg font-semibold">Owner sign-in link</h3>
            <p className="text-sm text-slate-700">Emails the owner a one-time sign-in link. You never see it.</p>
            <ActionForm action={sendOwnerLinkAction} label="Send owner a sign-in link" submit="Send sign-in link" variant="secondary" hidden={{ practiceId }} />
          </div>
          <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-5">
            <h3 className="text-lg font-semibold">Web address</h3>
            <ActionForm
              action={changeSubdomainAction}
              label="Change web address"
              submit="Change web address"
              variant="secondary"
              hidden={{ practiceId }}
              fields={[
                { name: "slug", label: "New subdomain", defaultValue: tenant.slug, hint: "The old address redirects here for 30 days." },
                { name: "reason", label: "Reason (optional)", type: "textarea", required: false },
              ]}
            />
          </div>
          {d.keyId && setup.key.state !== "missing" ? (
            <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 md:col-span-2">
              <h3 className="text-lg font-semibold">Key {setup.key.formatted}</h3>
              <div className="grid gap-6 sm:grid-cols-3">
                <ActionForm
                  action={extendSupportAction}
                  label="Change support date"
                  submit="Change support date"
                  hidden={{ keyId: d.keyId }}
                  fields={[{ name: "supportUntil", label: "Support until", type: "date", defaultValue: setup.key.supportUntil.toISOString().slice(0, 10) }]}
                />
                <ActionForm action={revokeKeyAction} label="Revoke key" submit="Revoke key" variant="danger" hidden={{ keyId: d.keyId }} fields={[{ name: "reason", label: "Reason for revoking", type: "textarea" }]} />
                <ActionForm action={releaseKeyAction} label="Release key" submit="Release from practice" variant="secondary" hidden={{ keyId: d.keyId }} fields={[{ name: "reason", label: "Reason for releasing", type: "textarea" }]} />
              </div>
            </div>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="audit-title" className="space-y-2">
        <h2 id="audit-title" className="text-2xl font-semibold">Recent audit entries</h2>
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white text-sm">
          {recent.slice(0, 20).map((e) => (
            <li key={e.id} className="p-3">
              {dateTime.format(e.createdAt)} UTC · <strong>{e.action}</strong> by {e.actorEmail ?? e.actorKind} ({e.actorKind})
              {e.summary.reason ? ` — ${e.summary.reason}` : ""}
            </li>
          ))}
        </ul>
        <Link href={`/support/audit?practice=${encodeURIComponent(tenant.slug)}`} className="text-teal-800 underline">All entries for this practice</Link>
      </section>
    </main>
  );
}
