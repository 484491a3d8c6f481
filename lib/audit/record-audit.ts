import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";

export interface AuditInput {
  tenantId: string | null;
  actorUserId: string | null;
  /** The actor's email as it is now, kept with the entry (the user may change or go). Looked up from actorUserId when left out. */
  actorEmail?: string | null;
  /** Defaults to `office`; `support`, `api` or `system` otherwise. */
  actorKind?: "office" | "support" | "api" | "system";
  /** Dotted verb, e.g. `registration-key.claimed`, `processor.connected`. */
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
  ip?: string | null;
}

/** Appends one audit row. Call it inside the transaction that makes the change, so both land or neither. */
export async function recordAudit(tx: Executor, input: AuditInput): Promise<void> {
  // A subquery rather than a second round trip: callers that only know the user id still get the email kept.
  const actorEmail =
    input.actorEmail ?? (input.actorUserId ? sql`(select "email" from "users" where "id" = ${input.actorUserId})` : null);
  await tx.insert(auditLog).values({
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    actorEmail,
    actorKind: input.actorKind ?? "office",
    action: input.action,
    summary: { before: input.before, after: input.after, reason: input.reason },
    ip: input.ip ?? null,
  });
}
