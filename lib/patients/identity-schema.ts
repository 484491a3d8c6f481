import { z } from "zod";

// What a patient types to identify themselves: names and a birthdate in three typed boxes
// (no date-picker: older patients find typing faster, and screen readers handle it well).
// Messages are keys into the patient dictionaries, so the page shows them in the patient's language.

export type IdentityError = "firstName" | "lastName" | "birthMonth" | "birthDay" | "birthYear" | "birthdate";

export const identitySchema = z
  .object({
    firstName: z.string().trim().min(1, "firstName").max(100, "firstName"),
    lastName: z.string().trim().min(1, "lastName").max(100, "lastName"),
    birthMonth: z.coerce.number({ error: "birthMonth" }).int("birthMonth").min(1, "birthMonth").max(12, "birthMonth"),
    birthDay: z.coerce.number({ error: "birthDay" }).int("birthDay").min(1, "birthDay").max(31, "birthDay"),
    birthYear: z.coerce
      .number({ error: "birthYear" })
      .int("birthYear")
      .min(1900, "birthYear")
      .refine((y) => y <= new Date().getFullYear(), "birthYear"),
  })
  .transform((v, ctx) => {
    const date = new Date(Date.UTC(v.birthYear, v.birthMonth - 1, v.birthDay));
    if (date.getUTCMonth() !== v.birthMonth - 1 || date > new Date()) {
      ctx.addIssue({ code: "custom", path: ["birthDay"], message: "birthdate" });
      return z.NEVER;
    }
    return { firstName: v.firstName, lastName: v.lastName, birthdate: date.toISOString().slice(0, 10) };
  });

export type Identity = z.output<typeof identitySchema>;
