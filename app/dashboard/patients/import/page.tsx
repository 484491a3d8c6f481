import type { Metadata } from "next";
import { requireMember } from "@/lib/auth/guards";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import patients" };

export default async function ImportPatientsPage() {
  await requireMember({ returnTo: "/dashboard/patients/import" });
  return (
    <div className="max-w-3xl space-y-5">
      <h1 className="text-3xl font-bold tracking-tight">Import patients</h1>
      <p className="text-slate-700">Export patients with balances from your practice software as a CSV file. Importing the same file again updates changed patients and leaves the rest alone.</p>
      <details className="rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer font-medium">Which columns does the file need?</summary>
        <ul className="mt-2 list-disc space-y-1 pl-6 text-sm text-slate-800">
          <li>
            <strong>Required:</strong> patient id (PatNum, Chart number…), first name, last name, birthdate (YYYY-MM-DD or MM/DD/YYYY), balance (like 125.40).
          </li>
          <li>
            <strong>Optional:</strong> preferred name, email, phone, clinic (its name), statement date.
          </li>
          <li>Column names are matched loosely: “FName”, “First Name” and “first_name” all work.</li>
        </ul>
      </details>
      <ImportForm />
    </div>
  );
}
