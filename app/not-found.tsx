import Link from "next/link";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { getI18n } from "@/lib/i18n/get-locale";
import { getPortalTenant } from "@/lib/tenancy/get-portal-tenant";
import { parseHost } from "@/lib/tenancy/parse-host";

// One 404 for every host: on a patient host it speaks about the practice, not about "pages".
export default async function NotFound() {
  const target = parseHost((await headers()).get("host"), env().ROOT_DOMAIN);
  const practice = target.kind === "tenant" ? await getPortalTenant(target.slug) : null;
  if (target.kind !== "tenant") {
    return (
      <Shell title="Page not found">
        The page you were looking for isn&apos;t here.{" "}
        <Link className="font-medium text-teal-800 underline" href="/">
          Go to the home page
        </Link>
      </Shell>
    );
  }
  // Patients may read Spanish; speak their language on their practice's host.
  const { t } = await getI18n();
  if (!practice) return <Shell title={t.notFound.practiceTitle}>{t.notFound.practiceBody}</Shell>;
  return (
    <Shell title={t.notFound.pageTitle}>
      {t.notFound.pageBody}{" "}
      <Link className="font-medium text-teal-800 underline" href="/">
        {t.notFound.goToPractice(practice.name)}
      </Link>
    </Shell>
  );
}

function Shell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-slate-700">{children}</p>
    </main>
  );
}
