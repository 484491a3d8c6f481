"use client";

import { ActionForm } from "../_components/action-form";
import { issueKeysAction } from "./actions";

/** Issue form; after a success it lists the new keys and offers them as a CSV download (built in the browser, no second request). */
export function IssueKeysForm({ defaultUntil }: { defaultUntil: string }) {
  return (
    <ActionForm
      action={issueKeysAction}
      label="Issue registration keys"
      submit="Issue keys"
      fields={[
        { name: "count", label: "How many keys", type: "number", defaultValue: "1" },
        { name: "supportUntil", label: "Support until", type: "date", defaultValue: defaultUntil, hint: "Support ends at the end of this day (UTC)." },
        { name: "note", label: "Note (optional)", type: "textarea", required: false, hint: "Who the keys are for, an order number…" },
      ]}
      renderResult={(data) => (
        <div className="space-y-2 rounded-md border border-slate-300 bg-slate-50 p-3">
          <ul aria-label="Issued keys" className="font-mono text-sm">
            {data.keys.map((k) => (
              <li key={k}>{k}</li>
            ))}
          </ul>
          <a
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(data.csv)}`}
            download={`registration-keys-${new Date().toISOString().slice(0, 10)}.csv`}
            className="inline-block font-semibold text-teal-800 underline"
          >
            Download these keys as CSV
          </a>
        </div>
      )}
    />
  );
}
