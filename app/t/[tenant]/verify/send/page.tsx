import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getI18n } from "@/lib/i18n/get-locale";
import { codeDestinations } from "@/lib/patients/send-code";
import { readPatientSession } from "@/lib/patients/session-cookie";
import { getPortalTenant } from "@/lib/tenancy/get-portal-tenant";
import { ActionForm } from "../../_components/action-form";
import { SessionEnded } from "../../_components/session-ended";
import { sendCodeAction } from "../actions";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: t.verify.chooseTitle };
}

type Props = { params: Promise<{ tenant: string }> };

// Pay and Verify, step 2: choose where the code goes, among contacts on file (masked).
export default async function ChooseDestination({ params }: Props) {
  const [tenant, { t }] = await Promise.all([(async () => getPortalTenant((await params).tenant))(), getI18n()]);
  if (!tenant) notFound();
  const session = await readPatientSession(tenant.id);
  if (!session) return <SessionEnded t={t} />;
  const destinations = await codeDestinations(await getDb(), session);
  if (destinations.length === 0) {
    return (
      <section className="space-y-4">
        <h1 className="text-2xl font-semibold">{t.verify.chooseTitle}</h1>
        <p className="text-slate-800">{t.verify.noContacts}</p>
        <p className="text-slate-800">{t.verify.noContactsHelp}</p>
        <Link href="/pay" className="block rounded-xl bg-[var(--accent)] px-5 py-4 text-center text-xl font-semibold text-white">
          {t.landing.payNow}
        </Link>
      </section>
    );
  }
  return (
    <section aria-labelledby="choose-title" className="space-y-4">
      <h1 id="choose-title" className="text-2xl font-semibold">
        {t.verify.chooseTitle}
      </h1>
      <p className="text-slate-700">{t.verify.chooseIntro}</p>
      <ActionForm action={sendCodeAction} submit={t.verify.send}>
        <fieldset className="space-y-2">
          <legend className="sr-only">{t.verify.chooseTitle}</legend>
          {destinations.map((d, i) => (
            <label key={d.channel} className="flex items-center gap-3 rounded-lg border border-slate-300 bg-white p-4 text-lg has-[:checked]:border-[var(--accent)]">
              <input type="radio" name="channel" value={d.channel} defaultChecked={i === 0} className="h-5 w-5" />
              {d.channel === "email" ? t.verify.emailOption(d.masked) : t.verify.textOption(d.masked)}
            </label>
          ))}
        </fieldset>
      </ActionForm>
    </section>
  );
}
