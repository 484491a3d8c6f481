import type { Metadata } from "next";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/guards";
import { previewPatients, templatePreview } from "@/lib/message-to-pay/template-preview";
import { loadTemplate } from "@/lib/message-to-pay/template-store";
import { MessagesNav } from "../_components/messages-nav";
import { TemplateForm } from "./template-form";

export const metadata: Metadata = { title: "Message templates" };

// The practice's Message-to-Pay wording, with a preview for a real patient (rendered here, on the server).
export default async function TemplatesPage({ searchParams }: { searchParams: Promise<{ patient?: string }> }) {
  const { tenant, role } = await requireMember({ returnTo: "/dashboard/messages/templates" });
  const db = await getDb();
  const [template, choices] = await Promise.all([loadTemplate(db, tenant.id), previewPatients(db, tenant.id)]);
  const asked = z.uuid().safeParse((await searchParams).patient);
  const patientId = asked.success ? asked.data : choices[0]?.id;
  const preview = patientId ? await templatePreview(db, tenant.id, patientId, template) : null;
  return (
    <div className="space-y-5">
      <h1 className="text-3xl font-bold tracking-tight">Message templates</h1>
      <MessagesNav current="/dashboard/messages/templates" />
      <p className="max-w-prose text-slate-700">
        One text message and one email, with the tags you know from Open Dental. Every message must include [MsgToPayURL], the patient&apos;s personal payment link.
        {template.custom ? "" : " You're using the default wording."}
      </p>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Choose the preview patient">
        <div>
          <label htmlFor="patient" className="block text-sm font-medium">
            Preview for
          </label>
          <select id="patient" name="patient" defaultValue={patientId} className="rounded-md border border-slate-500 px-2 py-1.5">
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.lastName}, {p.firstName} ({p.externalId})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-slate-400 bg-white px-3 py-1.5 font-semibold hover:bg-slate-100">
          Show preview
        </button>
      </form>
      <TemplateForm current={{ smsBody: template.smsBody, emailSubject: template.emailSubject, emailBody: template.emailBody }} canEdit={role === "owner"} preview={preview?.tagContext ?? null} />
      {preview ? (
        <section aria-labelledby="email-title" className="space-y-2">
          <h2 id="email-title" className="text-lg font-semibold">
            Saved email as the patient sees it: {preview.email.subject}
          </h2>
          <iframe title="Email preview" srcDoc={preview.email.html} sandbox="" className="h-[560px] w-full rounded-lg border border-slate-200 bg-white" />
        </section>
      ) : null}
    </div>
  );
}
