import type { Executor } from "@/db/client";
import { recordAudit, type AuditInput } from "@/lib/audit/record-audit";

/** The support user behind a console action, as the audit trail records them. */
export interface SupportActor {
  userId: string;
  email: string;
  ip?: string | null;
}

/** Appends a support action to the audit trail; call inside the transaction that makes the change. */
export function recordSupportAudit(tx: Executor, actor: SupportActor, entry: Pick<AuditInput, "tenantId" | "action" | "before" | "after" | "reason">): Promise<void> {
  return recordAudit(tx, { ...entry, actorUserId: actor.userId, actorEmail: actor.email, actorKind: "support", ip: actor.ip ?? null });
}
