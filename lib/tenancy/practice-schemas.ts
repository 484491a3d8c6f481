import { z } from "zod";
import { slugSchema } from "./slug";

// Shared by the new-practice form, its server action and the settings screens.

/** A phone number as people type it: 10 to 15 digits, any punctuation. */
export const phoneSchema = z
  .string()
  .trim()
  .refine((v) => {
    const digits = v.replace(/\D/g, "");
    return digits.length >= 10 && digits.length <= 15 && /^[\d\s()+.-]+$/.test(v);
  }, "Enter a phone number with area code, like (555) 010-2030.");

export const timeZoneSchema = z
  .string()
  .refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC", "Choose a time zone from the list.");

export const clinicSchema = z.object({
  name: z.string().trim().min(2, "Enter the clinic's name.").max(100, "Use at most 100 characters."),
  address: z.string().trim().min(5, "Enter the clinic's street address.").max(200, "Use at most 200 characters."),
  phone: phoneSchema,
});

export const newPracticeSchema = z.object({
  name: z.string().trim().min(2, "Enter your practice's name.").max(100, "Use at most 100 characters."),
  slug: slugSchema,
  timeZone: timeZoneSchema,
  phone: phoneSchema,
  clinicName: clinicSchema.shape.name,
  clinicAddress: clinicSchema.shape.address,
  clinicPhone: clinicSchema.shape.phone,
});

export type NewPracticeInput = z.infer<typeof newPracticeSchema>;

/** US time zones first: almost every practice is in one of them. */
export const COMMON_TIME_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
] as const;
