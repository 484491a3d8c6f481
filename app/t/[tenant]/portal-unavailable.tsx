import type { Messages } from "@/lib/i18n/messages/en";
import { TelLink } from "./tel-link";

export function PortalUnavailable({ t, name, phone, suspended }: { t: Messages; name: string; phone: string | null; suspended: boolean }) {
  return (
    <section aria-labelledby="unavailable-title" className="rounded-lg border border-amber-300 bg-amber-50 p-5">
      <h1 id="unavailable-title" className="text-xl font-semibold">
        {t.unavailable.title}
      </h1>
      <p className="mt-2 text-slate-800">{suspended ? t.unavailable.suspended(name) : t.unavailable.notReady(name)}</p>
      <p className="mt-2 text-slate-800">
        {phone ? (
          <>
            {t.unavailable.callToPay} <TelLink phone={phone} />
          </>
        ) : (
          t.unavailable.callOffice
        )}
      </p>
    </section>
  );
}
