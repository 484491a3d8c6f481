import { z } from "zod";

// Inputs of the support console's key tools; each schema is shared by its form and its action.

const MAX_BATCH = 500;

function endOfDayUtc(day: string): Date {
  return new Date(`${day}T23:59:59Z`);
}

/** A calendar day (YYYY-MM-DD, as a date input sends it) that is still ahead; support runs to its end (UTC). */
const futureDay = z.iso
  .date("Enter a date as YYYY-MM-DD.")
  .transform(endOfDayUtc)
  .refine((d) => d > new Date(), "Choose a date in the future.");

export const issueKeysSchema = z.object({
  count: z.coerce.number("Enter how many keys to issue.").int("Enter a whole number.").min(1, "Issue at least one key.").max(MAX_BATCH, `Issue at most ${MAX_BATCH} keys at a time.`),
  supportUntil: futureDay,
  note: z.string().trim().max(500, "Keep the note under 500 characters.").optional().transform((s) => s || null),
});

export const keyIdSchema = z.object({ keyId: z.uuid("Choose a key.") });

export const extendSupportSchema = keyIdSchema.extend({ supportUntil: futureDay });

const reason = z.string().trim().min(3, "Give a reason (at least 3 characters).").max(500, "Keep the reason under 500 characters.");

export const revokeKeySchema = keyIdSchema.extend({ reason });
export const releaseKeySchema = keyIdSchema.extend({ reason });

export const KEY_FILTERS = ["all", "unclaimed", "claimed", "revoked", "lapsing", "lapsed"] as const;
export type KeyFilter = (typeof KEY_FILTERS)[number];

/** The key list's GET query: unknown values fall back to defaults rather than failing the page. */
export const keyListQuerySchema = z.object({
  status: z.enum(KEY_FILTERS).catch("all"),
  q: z.string().trim().max(100).catch("").default(""),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
export type KeyListQuery = z.output<typeof keyListQuerySchema>;
