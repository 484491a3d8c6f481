import { z } from "zod";

/** The audit list's GET query (console and office); unknown values fall back to defaults rather than failing the page. */
export const auditQuerySchema = z.object({
  practice: z.string().trim().max(100).catch("").default(""),
  actor: z.string().trim().max(200).catch("").default(""),
  action: z.string().trim().max(100).catch("").default(""),
  kind: z.enum(["", "office", "support", "api", "system"]).catch("").default(""),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;
