"use client";

import { useActionState, useState } from "react";
import { FormAlert, FormSuccess, SubmitButton } from "@/app/_components/form-parts";
import { countSegments } from "@/lib/message-to-pay/sms-segments";
import type { TemplateInput } from "@/lib/message-to-pay/template-schema";
import { sendToPatientAction } from "./actions";

export interface PanelChannel {
  channel: "email" | "sms";
  address: string | null;
  available: boolean;
  reason?: "missing" | "opted_out";
}

const NAME = { email: "Email", sms: "Text message" } as const;
const area = "block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-700";

/** Channels, the message edited for this patient, the statement, Send. */
export function SendPanel({ patientId, channels, prefill, statement }: { patientId: string; channels: PanelChannel[]; prefill: TemplateInput; statement: string }) {
  const [state, action, pending] = useActionState(sendToPatientAction, null);
  const failed = state?.ok === false ? state : undefined;
  const err = failed?.fieldErrors ?? {};
  const [sms, setSms] = useState(prefill.smsBody);
  const seg = countSegments(sms.replace("[MsgToPayURL]", "x".repeat(70)));
  const usable = channels.filter((c) => c.available);
  const fieldError = (name: string) =>
    err[name]?.length ? (
      <p id={`${name}-error`} className="text-sm font-medium text-red-800">
        {err[name]!.join(" ")}
      </p>
    ) : null;
  return (
    <form action={action} noValidate className="space-y-4" aria-label="Send Message-to-Pay">
      <FormAlert message={failed?.formError} />
      <FormSuccess message={state?.ok ? state.message : undefined} />
      <input type="hidden" name="patientId" value={patientId} />
      <p className="rounded-md bg-slate-50 p-3 text-sm" data-testid="statement-preview">
        {statement}
      </p>
      <fieldset aria-describedby={err.channels ? "channels-error" : undefined}>
        <legend className="font-medium">Send by</legend>
        {channels.map((c) => (
          <label key={c.channel} className="mr-4 inline-flex items-center gap-2">
            <input type="checkbox" name="channels" value={c.channel} defaultChecked={c.available} disabled={!c.available} className="h-5 w-5" />
            {NAME[c.channel]}
            <span className="text-sm text-slate-700">{c.available ? `(${c.address})` : c.reason === "opted_out" ? "(opted out)" : "(none on file)"}</span>
          </label>
        ))}
        {fieldError("channels")}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="panel-smsBody" className="block font-medium">
          Text message
        </label>
        <p id="panel-smsBody-hint" className="text-sm text-slate-700" aria-live="polite">
          About {seg.segments} segment{seg.segments === 1 ? "" : "s"} ({seg.encoding}) once the link is in. Keep [MsgToPayURL]: it becomes the patient&apos;s personal link.
        </p>
        <textarea id="panel-smsBody" name="smsBody" rows={3} value={sms} onChange={(e) => setSms(e.target.value)} aria-invalid={err.smsBody ? true : undefined} aria-describedby={["panel-smsBody-hint", err.smsBody ? "smsBody-error" : ""].filter(Boolean).join(" ")} className={area} />
        {fieldError("smsBody")}
      </div>
      <div className="space-y-1">
        <label htmlFor="panel-emailSubject" className="block font-medium">
          Email subject
        </label>
        <input id="panel-emailSubject" name="emailSubject" defaultValue={failed?.values?.emailSubject ?? prefill.emailSubject} aria-invalid={err.emailSubject ? true : undefined} aria-describedby={err.emailSubject ? "emailSubject-error" : undefined} className={area} />
        {fieldError("emailSubject")}
      </div>
      <div className="space-y-1">
        <label htmlFor="panel-emailBody" className="block font-medium">
          Email body
        </label>
        <textarea id="panel-emailBody" name="emailBody" rows={6} defaultValue={failed?.values?.emailBody ?? prefill.emailBody} aria-invalid={err.emailBody ? true : undefined} aria-describedby={err.emailBody ? "emailBody-error" : undefined} className={area} />
        {fieldError("emailBody")}
      </div>
      {usable.length === 0 ? (
        <p className="text-slate-700">This patient has no email or phone we may message.</p>
      ) : (
        <div className="max-w-xs">
          <SubmitButton pending={pending}>Send Message-to-Pay</SubmitButton>
        </div>
      )}
    </form>
  );
}
