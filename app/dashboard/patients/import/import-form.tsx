"use client";

import { useActionState } from "react";
import { FormAlert, SubmitButton } from "@/app/_components/form-parts";
import { importPatientsAction } from "./actions";

export function ImportForm() {
  const [state, action, pending] = useActionState(importPatientsAction, null);
  const failed = state?.ok === false ? state : undefined;
  const report = state?.ok ? state.data : undefined;
  const fileError = failed?.fieldErrors?.file;
  return (
    <div className="space-y-6">
      <form action={action} className="space-y-4">
        <FormAlert message={failed?.formError} />
        <div className="space-y-1">
          <label htmlFor="file" className="block font-medium">
            Patients CSV file
          </label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "file-error" : undefined}
            className="block w-full rounded-md border border-slate-500 bg-white p-2"
          />
          {fileError ? (
            <p id="file-error" className="text-sm font-medium text-red-800">
              {fileError.join(" ")}
            </p>
          ) : null}
        </div>
        <SubmitButton pending={pending}>Import patients</SubmitButton>
      </form>
      {report ? (
        <section aria-labelledby="report-title" role="status" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="report-title" className="text-xl font-semibold">
            Import finished
          </h2>
          <p>
            {report.total} row{report.total === 1 ? "" : "s"} read: <strong>{report.created}</strong> new, <strong>{report.updated}</strong> updated, <strong>{report.unchanged}</strong> unchanged
            {report.problems.length > 0 ? (
              <>
                , <strong className="text-red-800">{report.problems.length} not imported</strong>
              </>
            ) : null}
            .
          </p>
          {report.problems.length > 0 ? (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="text-left font-medium">Fix these rows in your file and import it again (rows already imported won&apos;t be duplicated):</caption>
                <thead>
                  <tr>
                    <th scope="col" className="py-1 pr-3">Line</th>
                    <th scope="col" className="py-1 pr-3">Column</th>
                    <th scope="col" className="py-1">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {report.problems.map((p, i) => (
                    <tr key={i} className="border-t border-slate-100">
                      <td className="py-1 pr-3 tabular-nums">{p.line}</td>
                      <td className="py-1 pr-3">{p.field ?? "—"}</td>
                      <td className="py-1">{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
