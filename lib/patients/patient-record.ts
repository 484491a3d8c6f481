import { z } from "zod";

// One patient as a practice-management system describes it. Shared by the CSV import and the
// sync API so both accept exactly the same thing.

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullish();

/** Accepts YYYY-MM-DD, MM/DD/YYYY and M/D/YY(YY); returns YYYY-MM-DD or null. */
export function parseDate(input: string): string | null {
  const s = input.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s))) {
    [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    // Two-digit years: a birth year can't be in the future.
    if (match[3]!.length === 2) y += y > new Date().getFullYear() % 100 ? 1900 : 2000;
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Normalises a US-style or international number to E.164 (+15550102030); null if it isn't one. */
export function normalizePhone(input: string): string | null {
  const digits = input.replace(/\D/g, "");
  if (input.trim().startsWith("+")) return digits.length >= 10 && digits.length <= 15 ? `+${digits}` : null;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith("1")) return `+${digits}`;
  return null;
}

const dateField = (message: string) =>
  z.string().transform((v, ctx) => {
    const parsed = parseDate(v);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return parsed;
  });

export const patientRecordSchema = z.object({
  externalId: z.string().trim().min(1, "Enter the patient's id from your practice software.").max(64, "Use at most 64 characters."),
  firstName: z.string().trim().min(1, "Enter a first name.").max(100, "Use at most 100 characters."),
  lastName: z.string().trim().min(1, "Enter a last name.").max(100, "Use at most 100 characters."),
  preferredName: optionalText(100),
  birthdate: dateField("Enter the birthdate as YYYY-MM-DD or MM/DD/YYYY.").refine(
    (d) => d >= "1900-01-01" && d <= new Date().toISOString().slice(0, 10),
    "The birthdate can't be in the future or before 1900.",
  ),
  email: z
    .string()
    .trim()
    .transform((v) => v.toLowerCase())
    .pipe(z.union([z.literal(""), z.email("Enter a valid email address.")]))
    .transform((v) => (v === "" ? null : v))
    .nullish(),
  phone: z
    .string()
    .transform((v, ctx) => {
      if (v.trim() === "") return null;
      const phone = normalizePhone(v);
      if (!phone) ctx.addIssue({ code: "custom", message: "Enter a phone number with area code." });
      return phone;
    })
    .nullish(),
  /** Clinic name or its URL part; resolved against the practice's clinics. */
  clinic: optionalText(100),
  balanceCents: z.number().int("The balance must be whole cents.").min(-100_000_000).max(100_000_000),
  statementDate: z
    .string()
    .transform((v, ctx) => {
      if (v.trim() === "") return null;
      const d = parseDate(v);
      if (!d) ctx.addIssue({ code: "custom", message: "Enter the statement date as YYYY-MM-DD or MM/DD/YYYY." });
      return d;
    })
    .nullish(),
});

export type PatientRecord = z.output<typeof patientRecordSchema>;
