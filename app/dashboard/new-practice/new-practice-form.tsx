"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { FormAlert, SubmitButton, TextField } from "@/app/_components/form-parts";
import { slugify } from "@/lib/tenancy/slugify";
import { createPracticeAction } from "./actions";

type Check = { state: "idle" | "checking" } | { state: "ok"; slug: string } | { state: "bad"; message: string };

export function NewPracticeForm({ rootDomain, commonTimeZones, otherTimeZones }: { rootDomain: string; commonTimeZones: string[]; otherTimeZones: string[] }) {
  const [state, action, pending] = useActionState(createPracticeAction, null);
  const failed = state?.ok === false ? state : undefined;
  const values = failed?.values ?? {};
  const [slug, setSlug] = useState(values.slug ?? "");
  const [slugTouched, setSlugTouched] = useState(Boolean(values.slug));
  const [check, setCheck] = useState<Check>({ state: "idle" });
  const latest = useRef("");

  // Ask the server as they type, a moment after they stop; the submit checks again, race-safe.
  useEffect(() => {
    if (!slug) return;
    latest.current = slug;
    const timer = setTimeout(async () => {
      setCheck({ state: "checking" });
      try {
        const res = await fetch(`/api/practices/slug-availability?slug=${encodeURIComponent(slug)}`);
        const body = (await res.json()) as { available: boolean; slug?: string; message?: string };
        if (latest.current !== slug) return;
        setCheck(body.available ? { state: "ok", slug: body.slug ?? slug } : { state: "bad", message: body.message ?? "That web address can't be used." });
      } catch {
        setCheck({ state: "idle" });
      }
    }, 350);
    return () => clearTimeout(timer);
  }, [slug]);

  const slugErrors = failed?.fieldErrors?.slug ?? (check.state === "bad" ? [check.message] : undefined);
  const slugHintId = "slug-hint";
  return (
    <form action={action} noValidate aria-label="Set up your practice" className="space-y-5">
      <FormAlert message={failed?.formError} />
      {/* min-w-0: a fieldset is otherwise as wide as its widest content (the longest time zone name), wider than a phone. */}
      <fieldset className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">Practice</legend>
        <div className="space-y-1">
          <label htmlFor="name" className="block font-medium text-slate-900">
            Practice name
          </label>
          <input
            id="name"
            name="name"
            required
            autoComplete="organization"
            defaultValue={values.name}
            onChange={(e) => {
              if (!slugTouched) setSlug(slugify(e.target.value));
            }}
            aria-invalid={failed?.fieldErrors?.name ? true : undefined}
            aria-describedby={failed?.fieldErrors?.name ? "name-error" : undefined}
            className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700"
          />
          {failed?.fieldErrors?.name ? (
            <p id="name-error" className="text-sm font-medium text-red-800">
              {failed.fieldErrors.name.join(" ")}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor="slug" className="block font-medium text-slate-900">
            Web address for patients
          </label>
          <div className="flex items-center rounded-md border border-slate-500 bg-white focus-within:outline focus-within:outline-3 focus-within:outline-blue-700">
            <span className="pl-3 text-slate-600" aria-hidden="true">
              https://
            </span>
            <input
              id="slug"
              name="slug"
              required
              value={slug}
              autoCapitalize="none"
              spellCheck={false}
              onChange={(e) => {
                setSlugTouched(true);
                setSlug(e.target.value.toLowerCase());
              }}
              aria-invalid={slugErrors ? true : undefined}
              aria-describedby={[slugHintId, slugErrors ? "slug-error" : ""].filter(Boolean).join(" ")}
              className="min-w-0 flex-1 bg-transparent px-1 py-2 text-base outline-none"
            />
            <span className="pr-3 text-slate-600" aria-hidden="true">
              .{rootDomain}
            </span>
          </div>
          <p id={slugHintId} className="text-sm text-slate-700" aria-live="polite">
            {check.state === "ok" ? `✓ ${check.slug}.${rootDomain} is available.` : check.state === "checking" ? "Checking…" : "3–40 letters, numbers or hyphens. Choose carefully: only Chairside support can change it later."}
          </p>
          {slugErrors ? (
            <p id="slug-error" className="text-sm font-medium text-red-800">
              {slugErrors.join(" ")}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor="timeZone" className="block font-medium text-slate-900">
            Time zone
          </label>
          <select id="timeZone" name="timeZone" defaultValue={values.timeZone ?? "America/New_York"} className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base">
            <optgroup label="United States">
              {commonTimeZones.map((tz) => (
                <option key={tz} value={tz}>
                  {tz.replace("_", " ")}
                </option>
              ))}
            </optgroup>
            <optgroup label="Everywhere else">
              {otherTimeZones.map((tz) => (
                <option key={tz} value={tz}>
                  {tz.replace("_", " ")}
                </option>
              ))}
            </optgroup>
          </select>
          {failed?.fieldErrors?.timeZone ? <p className="text-sm font-medium text-red-800">{failed.fieldErrors.timeZone.join(" ")}</p> : null}
        </div>
        <TextField id="phone" name="phone" label="Phone patients should call" type="tel" autoComplete="tel" hint="Shown on your payment page." errors={failed?.fieldErrors?.phone} defaultValue={values.phone} />
      </fieldset>
      <fieldset className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">Your first clinic</legend>
        <p className="text-sm text-slate-700">Have several locations? Add the others in Settings after this step.</p>
        <TextField id="clinicName" name="clinicName" label="Clinic name" errors={failed?.fieldErrors?.clinicName} defaultValue={values.clinicName} />
        <TextField id="clinicAddress" name="clinicAddress" label="Street address" autoComplete="street-address" errors={failed?.fieldErrors?.clinicAddress} defaultValue={values.clinicAddress} />
        <TextField id="clinicPhone" name="clinicPhone" label="Clinic phone" type="tel" errors={failed?.fieldErrors?.clinicPhone} defaultValue={values.clinicPhone} />
      </fieldset>
      <SubmitButton pending={pending}>Create practice</SubmitButton>
    </form>
  );
}
