import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireSupport } from "@/lib/auth/guards";
import { formatKey } from "@/lib/registration-keys/key-format";
import { KEY_FILTERS, keyListQuerySchema } from "@/lib/registration-keys/key-schemas";
import { keyState, listKeys } from "@/lib/registration-keys/list-keys";
import { ActionForm } from "../_components/action-form";
import { ListFilterForm } from "../_components/list-filter-form";
import { dateOnly, Paging } from "../_components/paging";
import { extendSupportAction, releaseKeyAction, revokeKeyAction } from "./actions";
import { IssueKeysForm } from "./issue-keys-form";

export async function generateMetadata(): Promise<Metadata> {
  await requireSupport();
  return { title: "Registration keys · Support" };
}

const FILTER_LABELS: Record<(typeof KEY_FILTERS)[number], string> = {
  all: "All",
  unclaimed: "Unclaimed",
  claimed: "Claimed",
  revoked: "Revoked",
  lapsing: "Support lapsing within 30 days",
  lapsed: "Lapsed",
};

export default async function KeysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireSupport();
  const query = keyListQuerySchema.parse(await searchParams);
  const { rows, hasMore } = await listKeys(await getDb(), query);
  const now = new Date();
  const nextYear = new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
  const exportQuery = new URLSearchParams({ status: query.status, q: query.q });
  return (
    <main className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Registration keys</h1>
      <section aria-labelledby="issue-title" className="max-w-md space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="issue-title" className="text-xl font-semibold">Issue keys</h2>
        <IssueKeysForm defaultUntil={nextYear} />
      </section>
      <section aria-labelledby="list-title" className="space-y-4">
        <h2 id="list-title" className="text-xl font-semibold">Keys</h2>
        <ListFilterForm
          label="Filter keys"
          idPrefix="key"
          q={query.q}
          searchPlaceholder="Key, note, practice"
          select={{ name: "status", label: "Show", value: query.status, choices: KEY_FILTERS.map((f) => ({ value: f, label: FILTER_LABELS[f] })) }}
          csvHref={`/support/keys/export?${exportQuery}`}
        />
        {rows.length === 0 ? <p>No keys match.</p> : null}
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
          {rows.map((k) => {
            const state = keyState(k, now);
            return (
              <li key={k.id} className="space-y-2 p-4">
                <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
                  <span className="font-mono font-semibold">{formatKey(k.key)}</span>
                  <span className="rounded bg-slate-100 px-2 text-sm font-medium">{state}</span>
                  <span className="text-sm">Support until {dateOnly.format(k.supportUntil)}</span>
                  {k.tenantId ? (
                    <Link href={`/support/tenants/${k.tenantId}`} className="text-sm text-teal-800 underline">{k.tenantName} ({k.tenantSlug})</Link>
                  ) : null}
                  {k.note ? <span className="text-sm text-slate-700">{k.note}</span> : null}
                  {k.revokedReason ? <span className="text-sm text-red-800">Revoked: {k.revokedReason}</span> : null}
                </div>
                {state !== "revoked" ? (
                  <details>
                    <summary className="cursor-pointer text-sm font-semibold text-teal-800">Manage {formatKey(k.key)}</summary>
                    <div className="mt-3 grid gap-6 sm:grid-cols-3">
                      <ActionForm
                        action={extendSupportAction}
                        label={`Change support date of ${formatKey(k.key)}`}
                        submit="Change support date"
                        hidden={{ keyId: k.id }}
                        fields={[{ name: "supportUntil", label: "Support until", type: "date", defaultValue: k.supportUntil.toISOString().slice(0, 10) }]}
                      />
                      <ActionForm
                        action={revokeKeyAction}
                        label={`Revoke ${formatKey(k.key)}`}
                        submit="Revoke key"
                        variant="danger"
                        hidden={{ keyId: k.id }}
                        fields={[{ name: "reason", label: "Reason for revoking", type: "textarea", hint: "The practice sees this reason." }]}
                      />
                      {k.tenantId ? (
                        <ActionForm
                          action={releaseKeyAction}
                          label={`Release ${formatKey(k.key)}`}
                          submit="Release from practice"
                          variant="secondary"
                          hidden={{ keyId: k.id }}
                          fields={[{ name: "reason", label: "Reason for releasing", type: "textarea" }]}
                        />
                      ) : null}
                    </div>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
        <Paging path="/support/keys" params={{ status: query.status, q: query.q }} page={query.page} hasMore={hasMore} />
      </section>
    </main>
  );
}
