import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getI18n } from "@/lib/i18n/get-locale";
import { codeDestinations } from "@/lib/patients/send-code";
import { readPatientSession } from "@/lib/patients/session-cookie";
import { getPortalTenant } from "@/lib/tenancy/get-portal-tenant";
import { ActionForm } from "../../_components/action-form";
import { SessionEnded } from "../../_components/session-ended";
import { sendCodeAction } from "../actions";
import { CodeForm } from "./code-form";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: t.verify.codeTitle };
}

type Props = { params: Promise<{ tenant: string }> };

// Pay and Verify, step 3: type the code.
export default async function EnterCode({ params }: Props) {
  const [tenant, { t }] = await Promise.all([(async () => getPortalTenant((await params).tenant))(), getI18n()]);
  if (!tenant) notFound();
  const session = await readPatientSession(tenant.id);
  if (!session) return <SessionEnded t={t} />;
  const [destination] = await codeDestinations(await getDb(), session);
  return (
    <section aria-labelledby="code-title" className="space-y-5">
      <h1 id="code-title" className="text-2xl font-semibold">
        {t.verify.codeTitle}
      </h1>
      {destination ? <p className="text-slate-700">{t.verify.codeSent(destination.masked)}</p> : null}
      <CodeForm label={t.verify.codeLabel} submit={t.verify.check} />
      <ActionForm action={sendCodeAction} submit={t.verify.resend} variant="secondary">
        <input type="hidden" name="stay" value="1" />
        {destination ? <input type="hidden" name="channel" value={destination.channel} /> : null}
      </ActionForm>
    </section>
  );
}
