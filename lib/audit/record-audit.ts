import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";

export interface AuditInput {
  tenantId: string | null;
  actorUserId: string | null;
  /** The actor's email as it is now, kept with the entry (the user may change or go). */
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
  await tx.insert(auditLog).values({
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    actorEmail: input.actorEmail ?? null,
    actorKind: input.actorKind ?? "office",
    action: input.action,
    summary: { before: input.before, after: input.after, reason: input.reason },
    ip: input.ip ?? null,
  });
}
