import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getI18n } from "@/lib/i18n/get-locale";
import { isUnsubscribed, unsubscribeTarget } from "@/lib/messaging/unsubscribe";
import { maskEmail } from "@/lib/patients/mask-contact";
import { getPortalTenant } from "@/lib/tenancy/get-portal-tenant";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: t.unsubscribe.title };
}

type Props = { params: Promise<{ tenant: string; token: string }> };

// The footer link of every Message-to-Pay email: confirm, then one POST (works without JavaScript).
export default async function UnsubscribePage({ params }: Props) {
  const [{ tenant: slug, token }, { t }] = await Promise.all([params, getI18n()]);
  const tenant = await getPortalTenant(slug);
  if (!tenant) notFound();
  const db = await getDb();
  const target = await unsubscribeTarget(db, slug, token);
  if (!target) {
    return (
      <section aria-labelledby="unsub-title" className="space-y-3">
        <h1 id="unsub-title" className="text-2xl font-semibold">
          {t.unsubscribe.invalidTitle}
        </h1>
        <p className="text-slate-700">{t.unsubscribe.invalidBody}</p>
      </section>
    );
  }
  // The stored opt-out decides, not a query parameter: the page never claims an unsubscribe that didn't happen.
  if (await isUnsubscribed(db, target)) {
    return (
      <section aria-labelledby="unsub-title" className="space-y-3">
        <h1 id="unsub-title" className="text-2xl font-semibold">
          {t.unsubscribe.doneTitle}
        </h1>
        <p role="status" className="text-slate-700">
          {t.unsubscribe.doneBody(target.practiceName)}
        </p>
        <p className="text-slate-700">{t.unsubscribe.changeMind}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="unsub-title" className="space-y-4">
      <h1 id="unsub-title" className="text-2xl font-semibold">
        {t.unsubscribe.title}
      </h1>
      <p className="text-slate-700">{t.unsubscribe.question(target.practiceName, maskEmail(target.email))}</p>
      <form method="post" action={`/u/${encodeURIComponent(token)}/one-click`}>
        <input type="hidden" name="confirm" value="1" />
        <button
          type="submit"
          className="w-full rounded-xl bg-[var(--accent)] px-5 py-4 text-xl font-semibold text-white"
        >
          {t.unsubscribe.button}
        </button>
      </form>
    </section>
  );
}
