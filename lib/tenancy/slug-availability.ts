import type { Database } from "@/db/client";
import { isSlugAvailable, SLUG_TAKEN_MESSAGE } from "./create-practice";
import { slugSchema } from "./slug";

export type SlugCheck = { available: true; slug: string } | { available: false; message: string };

/** The live "is this web address free?" answer shown while someone types; createPractice re-checks on submit. */
export async function checkSlug(db: Database, raw: string): Promise<SlugCheck> {
  const parsed = slugSchema.safeParse(raw);
  if (!parsed.success) return { available: false, message: parsed.error.issues[0]?.message ?? "That web address can't be used." };
  return (await isSlugAvailable(db, parsed.data)) ? { available: true, slug: parsed.data } : { available: false, message: SLUG_TAKEN_MESSAGE };
}
