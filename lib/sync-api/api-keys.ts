import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { generateApiKey } from "./api-key-format";

// Owners manage keys from the dashboard; every change is audited in the same transaction.

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Name the key, e.g. the system that will use it.").max(80, "Use at most 80 characters."),
});
export const revokeApiKeySchema = z.object({ keyId: z.uuid("Unknown key.") });

export interface KeyActor {
  tenantId: string;
  actorUserId: string;
  ip?: string | null;
}

/** Creates a key for the actor's practice; returns the secret once (only its hash is stored). */
export async function createApiKey(db: Database, actor: KeyActor, input: z.output<typeof createApiKeySchema>) {
  const { key, prefix, keyHash } = generateApiKey();
  const row = await db.transaction(async (tx) => {
    const [created] = await tx.insert(apiKeys).values({ tenantId: actor.tenantId, name: input.name, prefix, keyHash, createdByUserId: actor.actorUserId }).returning();
    await recordAudit(tx, { tenantId: actor.tenantId, actorUserId: actor.actorUserId, action: "api-key.created", after: { keyId: created!.id, name: input.name, prefix }, ip: actor.ip });
    return created!;
  });
  return { key, id: row.id, name: row.name, prefix };
}

/** Revokes one of the actor's practice's keys; false for an unknown, already revoked or other practice's key (nothing changes). */
export async function revokeApiKey(db: Database, actor: KeyActor, keyId: string, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.tenantId, actor.tenantId), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
    if (!row) return false;
    await recordAudit(tx, { tenantId: actor.tenantId, actorUserId: actor.actorUserId, action: "api-key.revoked", before: { keyId: row.id, name: row.name, prefix: row.prefix }, ip: actor.ip });
    return true;
  });
}

/** The practice's keys, newest first, without hashes. */
export async function listApiKeys(db: Executor, tenantId: string) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdAt: apiKeys.createdAt,
      createdBy: users.email,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(eq(apiKeys.tenantId, tenantId))
    .orderBy(desc(apiKeys.createdAt));
}
