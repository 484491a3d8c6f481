import Link from "next/link";
import { getI18n } from "@/lib/i18n/get-locale";

// An unknown page on a practice's patient host; rendered inside the practice's layout (its branding).
export default async function PracticePageNotFound() {
  const { t } = await getI18n();
  return (
    <section className="space-y-4 text-center">
      <h1 className="text-2xl font-semibold">{t.notFound.pageTitle}</h1>
      <p className="text-slate-700">{t.notFound.pageBody}</p>
      <Link className="inline-block rounded-xl bg-[var(--accent)] px-5 py-3 font-semibold text-white" href="/">
        {t.notFound.goToPracticeHome}
      </Link>
    </section>
  );
}
