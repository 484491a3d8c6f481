import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/guards";
import { listRecentDeliveries, listWebhookEndpoints } from "@/lib/outgoing-webhooks/endpoints";
import { listApiKeys } from "@/lib/sync-api/api-keys";
import { rootUrl } from "@/lib/tenancy/urls";
import { AddEndpointForm, CreateKeyForm, EndpointButtons, RevokeKeyForm } from "./api-forms";

export const metadata: Metadata = { title: "API" };

const STATUS_LOOK = {
  succeeded: "bg-emerald-100 text-emerald-900",
  pending: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-900",
} as const;

// Everyone in the practice sees which keys and endpoints exist and how deliveries went; only owners change them
// (and only owners see signing secrets).
export default async function ApiPage() {
  const { tenant, role, supportView } = await requireMember({ returnTo: "/dashboard/api" });
  const db = await getDb();
  const [keys, endpoints, deliveries] = await Promise.all([listApiKeys(db, tenant.id), listWebhookEndpoints(db, tenant.id), listRecentDeliveries(db, tenant.id, 50)]);
  // Support looking at the practice sees what staff see: no controls and no signing secrets.
  const isOwner = role === "owner" && !supportView;
  const fmt = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: tenant.timeZone });
  const base = rootUrl("/api/v1");
  return (
    <div className="max-w-3xl space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">API</h1>
        <p className="text-slate-700">
          Connect your practice software: push patients and balances in, read portal payments out and mark them posted. Base URL{" "}
          <code className="rounded bg-slate-100 px-1 font-mono text-sm">{base}</code>.{" "}
          <Link href="/dashboard/api/reference" className="font-medium text-teal-900 underline">
            Read the API reference
          </Link>{" "}
          or download the{" "}
          <a href="/api/v1/openapi.json" className="font-medium text-teal-900 underline">
            OpenAPI document
          </a>
          .
        </p>
        {isOwner ? null : <p className="text-slate-700">Only an owner can create or revoke keys and manage webhook endpoints.</p>}
      </div>

      <section aria-labelledby="keys-title" className="space-y-4">
        <h2 id="keys-title" className="text-xl font-semibold">
          API keys
        </h2>
        {keys.length === 0 ? (
          <p className="text-slate-700">No keys yet.</p>
        ) : (
          <ul className="space-y-3">
            {keys.map((k) => (
              <li key={k.id} aria-label={`API key ${k.name}`} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-semibold break-words">{k.name}</p>
                    <p className="font-mono text-sm text-slate-700">{k.prefix}…</p>
                    <p className="text-sm text-slate-700">
                      Created {fmt.format(k.createdAt)}
                      {k.createdBy ? ` by ${k.createdBy}` : ""} · {k.lastUsedAt ? `last used ${fmt.format(k.lastUsedAt)}` : "never used"}
                    </p>
                  </div>
                  <p className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${k.revokedAt ? "bg-slate-200 text-slate-900" : "bg-emerald-100 text-emerald-900"}`}>
                    {k.revokedAt ? `Revoked ${fmt.format(k.revokedAt)}` : "Active"}
                  </p>
                </div>
                {isOwner && !k.revokedAt ? <RevokeKeyForm keyId={k.id} keyName={k.name} /> : null}
              </li>
            ))}
          </ul>
        )}
        {isOwner ? (
          <div className="rounded-xl border border-slate-200 bg-white p-4">
            <h3 className="mb-3 font-semibold">Create a key</h3>
            <CreateKeyForm />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="webhooks-title" className="space-y-4">
        <h2 id="webhooks-title" className="text-xl font-semibold">
          Webhook endpoints
        </h2>
        <p className="text-slate-700">
          We POST signed <code className="font-mono text-sm">payment.succeeded</code> and <code className="font-mono text-sm">payment.refunded</code> events to
          your endpoints, retrying for 24 hours. <Link href="/dashboard/api/reference#webhooks" className="font-medium text-teal-900 underline">How to verify signatures</Link>.
        </p>
        {endpoints.length === 0 ? (
          <p className="text-slate-700">No endpoints.</p>
        ) : (
          <ul className="space-y-3">
            {endpoints.map((e) => (
              <li key={e.id} aria-label={`Endpoint ${e.url}`} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
                <p className="font-mono text-sm break-all">{e.url}</p>
                <p className="text-sm text-slate-700">Added {fmt.format(e.createdAt)}</p>
                {isOwner ? (
                  <>
                    <details>
                      <summary className="cursor-pointer text-sm font-medium text-teal-900">Show signing secret</summary>
                      <p className="mt-2 font-mono text-sm break-all">{e.secret}</p>
                    </details>
                    <EndpointButtons endpointId={e.id} url={e.url} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {isOwner ? (
          <div className="rounded-xl border border-slate-200 bg-white p-4">
            <h3 className="mb-3 font-semibold">Add an endpoint</h3>
            <AddEndpointForm />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="deliveries-title" className="space-y-4">
        <h2 id="deliveries-title" className="text-xl font-semibold">
          Recent deliveries
        </h2>
        {deliveries.length === 0 ? (
          <p className="text-slate-700">Nothing sent yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">The last {deliveries.length} webhook deliveries, newest first</caption>
              <thead className="bg-slate-50 text-slate-900">
                <tr>
                  <th scope="col" className="px-3 py-2">Event</th>
                  <th scope="col" className="px-3 py-2">Status</th>
                  <th scope="col" className="px-3 py-2">Attempts</th>
                  <th scope="col" className="px-3 py-2">Last answer</th>
                  <th scope="col" className="px-3 py-2">Created</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id} className="border-t border-slate-200 align-top">
                    <td className="px-3 py-2">
                      <span className="font-medium">{d.eventType}</span>
                      <span className="block font-mono text-xs break-all text-slate-700">{d.url}</span>
                    </td>
                    <td className="px-3 py-2">
                      <span className={`rounded-full px-2 py-0.5 font-medium ${STATUS_LOOK[d.status]}`}>{d.status}</span>
                      {d.status === "pending" && d.attempts > 0 ? <span className="block text-xs text-slate-700">next try {fmt.format(d.nextAttemptAt)}</span> : null}
                    </td>
                    <td className="px-3 py-2">{d.attempts}</td>
                    <td className="px-3 py-2">{d.lastStatusCode ?? d.lastError ?? "—"}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{fmt.format(d.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
