"use client";

import { useActionState, useState } from "react";
import { FormAlert, FormSuccess, SubmitButton } from "@/app/_components/form-parts";
import { countSegments } from "@/lib/message-to-pay/sms-segments";
import { hasRequiredTag, renderTemplate, TAGS, unknownTagsIn, type TagContext } from "@/lib/message-to-pay/tags";
import { MISSING_LINK_MESSAGE, unknownTagMessage, type TemplateInput } from "@/lib/message-to-pay/template-schema";
import { saveTemplateAction } from "./actions";

type Field = keyof TemplateInput;

const LABELS: Record<Field, string> = { smsBody: "Text message", emailSubject: "Email subject", emailBody: "Email body" };
const needsLink: Record<Field, boolean> = { smsBody: true, emailSubject: false, emailBody: true };

/** Problems the save would refuse, shown as the office types (the server checks the same rules). */
function liveProblems(field: Field, value: string): string[] {
  const out: string[] = [];
  if (needsLink[field] && value.trim() !== "" && !hasRequiredTag(value)) out.push(MISSING_LINK_MESSAGE);
  const unknown = unknownTagsIn(value);
  if (unknown.length > 0) out.push(unknownTagMessage(unknown));
  return out;
}

/** The template editor: live segment count and tag warnings, and a live preview for the chosen patient. */
export function TemplateForm({ current, canEdit, preview }: { current: TemplateInput; canEdit: boolean; preview: TagContext | null }) {
  const [state, action, pending] = useActionState(saveTemplateAction, null);
  const failed = state?.ok === false ? state : undefined;
  const [values, setValues] = useState<TemplateInput>(() => ({ ...current, ...(failed?.values ?? {}) }));
  const smsPreview = preview ? renderTemplate(values.smsBody, preview).text : values.smsBody;
  const segments = countSegments(smsPreview);
  const field = (name: Field, multiline: boolean, rows = 4) => {
    const live = liveProblems(name, values[name]);
    const server = failed?.fieldErrors?.[name] ?? [];
    const errors = [...new Set([...server, ...live])];
    const describedBy = [`${name}-hint`, errors.length ? `${name}-error` : ""].filter(Boolean).join(" ");
    const common = {
      id: name,
      name,
      value: values[name],
      readOnly: !canEdit,
      onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues((v) => ({ ...v, [name]: e.target.value })),
      "aria-invalid": errors.length > 0 ? true : undefined,
      "aria-describedby": describedBy,
      className: "block w-full rounded-md border border-slate-500 bg-white px-3 py-2 font-mono text-sm aria-[invalid=true]:border-red-700",
    };
    return (
      <div className="space-y-1">
        <label htmlFor={name} className="block font-medium">
          {LABELS[name]}
        </label>
        <p id={`${name}-hint`} className="text-sm text-slate-700">
          {name === "smsBody" ? (
            <span aria-live="polite">
              {segments.segments} segment{segments.segments === 1 ? "" : "s"} ({segments.encoding}, {segments.units} of {segments.segments > 1 ? `${segments.segments} × ${segments.perSegment}` : segments.perSegment})
              {preview ? " for the preview patient, with a full-length link." : "."}
              {segments.encoding === "UCS-2" ? " Accents like á or emoji switch the text to UCS-2: 70 characters per segment." : ""}
            </span>
          ) : needsLink[name] ? (
            "Must include [MsgToPayURL]."
          ) : (
            "Tags work here too."
          )}
        </p>
        {multiline ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />}
        {errors.length ? (
          <p id={`${name}-error`} className="text-sm font-medium text-red-800">
            {errors.join(" ")}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form action={action} noValidate className="space-y-4">
        <FormAlert message={failed?.formError} />
        <FormSuccess message={state?.ok ? state.message : undefined} />
        {field("smsBody", true, 4)}
        {field("emailSubject", false)}
        {field("emailBody", true, 8)}
        <p className="text-sm text-slate-700">Tags: {TAGS.map((t) => `[${t}]`).join(" ")}</p>
        {canEdit ? <SubmitButton pending={pending}>Save template</SubmitButton> : <p className="text-sm text-slate-700">Only the practice owner can change the template.</p>}
      </form>
      <section aria-labelledby="live-title" className="space-y-3">
        <h2 id="live-title" className="text-lg font-semibold">
          Live preview
        </h2>
        {preview ? (
          <>
            <div className="rounded-lg border border-slate-200 bg-white p-3">
              <p className="text-xs font-semibold text-slate-700 uppercase">Text message</p>
              <p className="break-words whitespace-pre-wrap" data-testid="sms-preview">{smsPreview}</p>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-3">
              <p className="text-xs font-semibold text-slate-700 uppercase">Email</p>
              <p className="font-semibold">{renderTemplate(values.emailSubject, preview).text}</p>
              <p className="break-words whitespace-pre-wrap">{renderTemplate(values.emailBody, preview).text}</p>
            </div>
          </>
        ) : (
          <p className="text-slate-700">Add patients to preview messages with real details.</p>
        )}
      </section>
    </div>
  );
}
