export function PortalUnavailable({ name, phone, suspended }: { name: string; phone: string | null; suspended: boolean }) {
  return (
    <section aria-labelledby="unavailable-title" className="rounded-lg border border-amber-300 bg-amber-50 p-5">
      <h1 id="unavailable-title" className="text-xl font-semibold">
        Online payments aren&apos;t available right now
      </h1>
      <p className="mt-2 text-slate-800">
        {suspended ? `${name}'s online payment page is temporarily unavailable.` : `${name} isn't taking payments online yet.`}{" "}
        {phone ? (
          <>
            Please call us at{" "}
            <a className="font-semibold underline" href={`tel:${phone.replace(/[^\d+]/g, "")}`}>
              {phone}
            </a>{" "}
            to pay or ask about your balance.
          </>
        ) : (
          "Please call the office to pay or ask about your balance."
        )}
      </p>
    </section>
  );
}
