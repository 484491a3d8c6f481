import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/guards";
import { isEmailVerified } from "@/lib/auth/email-verification";
import { findMembership } from "@/lib/auth/membership";
import { env } from "@/lib/env";
import { COMMON_TIME_ZONES } from "@/lib/tenancy/practice-schemas";
import { ConfirmEmail } from "./confirm-email";
import { NewPracticeForm } from "./new-practice-form";

export const metadata: Metadata = { title: "Set up your practice" };

// Step zero for a new office: the practice, its web address, and its first clinic.
export default async function NewPracticePage({ searchParams }: { searchParams: Promise<{ verified?: string }> }) {
  const user = await requireUser({ returnTo: "/dashboard/new-practice" });
  const db = await getDb();
  if (await findMembership(db, user.id)) redirect("/dashboard");
  const verified = await isEmailVerified(db, user.id);
  const others = Intl.supportedValuesOf("timeZone").filter((tz) => !(COMMON_TIME_ZONES as readonly string[]).includes(tz));
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Set up your practice</h1>
        <p className="text-slate-700">This takes about a minute. You can change the details later in Settings.</p>
      </div>
      {(await searchParams).verified === "1" && verified ? (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 font-medium text-emerald-900">
          Thanks, your email address is confirmed.
        </p>
      ) : null}
      {verified ? (
        <NewPracticeForm rootDomain={env().ROOT_DOMAIN} commonTimeZones={[...COMMON_TIME_ZONES]} otherTimeZones={others} />
      ) : (
        <ConfirmEmail email={user.email} />
      )}
    </div>
  );
}
