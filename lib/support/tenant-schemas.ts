import { z } from "zod";
import { slugSchema } from "@/lib/tenancy/slug";

// Inputs of the console's practice tools; each schema is shared by its form and its action.

export const TENANT_FILTERS = ["all", "no-key", "no-processor", "live", "suspended", "lapsed"] as const;
export type TenantFilter = (typeof TENANT_FILTERS)[number];

/** The practice list's GET query: unknown values fall back to defaults rather than failing the page. */
export const tenantListQuerySchema = z.object({
  state: z.enum(TENANT_FILTERS).catch("all"),
  q: z.string().trim().max(100).catch("").default(""),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
export type TenantListQuery = z.output<typeof tenantListQuerySchema>;

const reason = z.string().trim().min(3, "Give a reason (at least 3 characters).").max(500, "Keep the reason under 500 characters.");

// Named practiceId, not tenantId: the member action builders strip tenant keys, and support names the practice on purpose.
export const practiceIdSchema = z.object({ practiceId: z.uuid("Choose a practice.") });
export const suspendSchema = practiceIdSchema.extend({ reason });
export const unsuspendSchema = practiceIdSchema.extend({ reason });
export const changeSubdomainSchema = practiceIdSchema.extend({
  slug: slugSchema,
  // Optional: an empty form field means "no reason given".
  reason: z.string().trim().max(500, "Keep the reason under 500 characters.").optional().transform((s) => s || undefined),
});
export const startViewSchema = practiceIdSchema.extend({ reason: z.string().trim().min(10, "Say why you need to look (at least 10 characters).").max(500, "Keep the reason under 500 characters.") });
