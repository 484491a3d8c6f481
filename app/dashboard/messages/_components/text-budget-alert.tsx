import { getDb } from "@/db/client";
import { textBudgetStatus } from "@/lib/messaging/queue/text-budget";

const count = new Intl.NumberFormat("en-US");

/**
 * Warns the office when a clinic has used (or nearly used) its monthly text budget: once reached, texts to its
 * patients are canceled until next month. Renders nothing while every clinic is under 90%.
 */
export async function TextBudgetAlert({ tenantId }: { tenantId: string }) {
  const clinics = (await textBudgetStatus(await getDb(), tenantId)).filter((c) => c.state !== "ok");
  if (clinics.length === 0) return null;
  const reached = clinics.some((c) => c.state === "reached");
  return (
    <div role="alert" className={reached ? "rounded-lg border border-red-300 bg-red-50 p-4 text-red-900" : "rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950"}>
      <p className="font-semibold">{reached ? "Monthly text budget reached" : "Monthly text budget almost used"}</p>
      <ul className="mt-1 list-disc pl-5">
        {clinics.map((c) => (
          <li key={c.clinicId}>
            {c.clinicName}: {count.format(c.used)} of {count.format(c.budget ?? 0)} text segments used this month
            {c.state === "reached" ? " — new texts are not being sent; emails still go out." : "."}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-sm">The budget resets on the 1st. Contact Chairside support to raise it.</p>
    </div>
  );
}
