import { eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { registrationKeys, tenants, type RegistrationKey } from "@/db/schema";
import { recordSupportAudit, type SupportActor } from "@/lib/support/support-actor";
import { formatKey } from "./key-format";

// Support's changes to one issued key. Each locks the key row, changes it and writes the audit entry in
// one transaction, and reports the practice that held it so the caller can expire that portal's cache.

export type KeyChangeResult = { ok: true; tenantSlug: string | null } | { ok: false; message: string };

type Change = (row: RegistrationKey, tx: Transaction) => Promise<{ message: string } | { action: string; before: unknown; after: unknown; reason?: string }>;

async function changeKey(db: Database, actor: SupportActor, keyId: string, change: Change): Promise<KeyChangeResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(registrationKeys).where(eq(registrationKeys.id, keyId)).for("update");
    if (!row) return { ok: false, message: "That key no longer exists." };
    const tenantId = row.claimedByTenantId;
    const [holder] = tenantId ? await tx.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, tenantId)) : [];
    const outcome = await change(row, tx);
    if ("message" in outcome) return { ok: false, message: outcome.message };
    await recordSupportAudit(tx, actor, { tenantId, action: outcome.action, before: outcome.before, after: outcome.after, reason: outcome.reason });
    return { ok: true, tenantSlug: holder?.slug ?? null };
  });
}

/** Moves a key's support end date (earlier or later); a lapsed practice's portal reopens at once if the new date is ahead. */
export function extendSupport(db: Database, actor: SupportActor, input: { keyId: string; supportUntil: Date }): Promise<KeyChangeResult> {
  return changeKey(db, actor, input.keyId, async (row, tx) => {
    if (row.revokedAt) return { message: "That key is revoked; issue a new one instead." };
    await tx.update(registrationKeys).set({ supportUntil: input.supportUntil }).where(eq(registrationKeys.id, row.id));
    return {
      action: "registration-key.support-extended",
      before: { key: formatKey(row.key), supportUntil: row.supportUntil.toISOString() },
      after: { key: formatKey(row.key), supportUntil: input.supportUntil.toISOString() },
    };
  });
}

/**
 * Withdraws a key for good: it can never be claimed again, and the practice holding it loses it at once
 * (its portal closes; its dashboard shows the reason). The practice stays linked so it can be told why.
 */
export function revokeKey(db: Database, actor: SupportActor, input: { keyId: string; reason: string }, now = new Date()): Promise<KeyChangeResult> {
  return changeKey(db, actor, input.keyId, async (row, tx) => {
    if (row.revokedAt) return { message: "That key is already revoked." };
    await tx.update(registrationKeys).set({ revokedAt: now, revokedReason: input.reason }).where(eq(registrationKeys.id, row.id));
    return { action: "registration-key.revoked", before: { key: formatKey(row.key), revoked: false }, after: { key: formatKey(row.key), revoked: true }, reason: input.reason };
  });
}

/** Takes a key back from the practice that claimed it, so another practice may claim it; the practice's portal closes at once. */
export function releaseKey(db: Database, actor: SupportActor, input: { keyId: string; reason: string }): Promise<KeyChangeResult> {
  return changeKey(db, actor, input.keyId, async (row, tx) => {
    if (!row.claimedByTenantId) return { message: "That key isn't held by any practice." };
    if (row.revokedAt) return { message: "That key is revoked; it can't be given to another practice." };
    await tx.update(registrationKeys).set({ claimedByTenantId: null, claimedAt: null }).where(eq(registrationKeys.id, row.id));
    return {
      action: "registration-key.released",
      before: { key: formatKey(row.key), claimedByTenantId: row.claimedByTenantId },
      after: { key: formatKey(row.key), claimedByTenantId: null },
      reason: input.reason,
    };
  });
}
