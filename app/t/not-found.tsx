import { getI18n } from "@/lib/i18n/get-locale";

// A patient host whose practice doesn't exist (the practice layout calls notFound()).
export default async function PracticeNotFound() {
  const { locale, t } = await getI18n();
  return (
    <main lang={locale} className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">{t.notFound.practiceTitle}</h1>
      <p className="text-slate-700">{t.notFound.practiceBody}</p>
    </main>
  );
}
