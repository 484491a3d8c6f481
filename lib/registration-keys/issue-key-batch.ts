import type { Database } from "@/db/client";
import type { RegistrationKey } from "@/db/schema";
import { recordSupportAudit, type SupportActor } from "@/lib/support/support-actor";
import { issueKeys } from "./issue-keys";
import { formatKey } from "./key-format";

/** Issues `count` unclaimed keys for support and records the batch in the audit trail, all or nothing. */
export async function issueKeyBatch(db: Database, actor: SupportActor, input: { count: number; supportUntil: Date; note: string | null }): Promise<RegistrationKey[]> {
  return db.transaction(async (tx) => {
    const keys = await issueKeys(tx, { ...input, issuedByUserId: actor.userId });
    await recordSupportAudit(tx, actor, {
      tenantId: null,
      action: "registration-key.issued",
      after: { count: keys.length, supportUntil: input.supportUntil.toISOString(), note: input.note, keys: keys.map((k) => formatKey(k.key)) },
    });
    return keys;
  });
}
