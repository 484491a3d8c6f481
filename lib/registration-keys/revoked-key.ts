import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { registrationKeys } from "@/db/schema";
import { formatKey } from "./key-format";

/** The key support withdrew from this practice (still linked to it, revoked), or null; shown so the office knows why its portal closed. */
export async function findRevokedKey(db: Executor, tenantId: string): Promise<{ formatted: string; reason: string | null; revokedAt: Date } | null> {
  const [row] = await db
    .select({ key: registrationKeys.key, reason: registrationKeys.revokedReason, revokedAt: registrationKeys.revokedAt })
    .from(registrationKeys)
    .where(and(eq(registrationKeys.claimedByTenantId, tenantId), isNotNull(registrationKeys.revokedAt)))
    .orderBy(desc(registrationKeys.revokedAt))
    .limit(1);
  return row?.revokedAt ? { formatted: formatKey(row.key), reason: row.reason, revokedAt: row.revokedAt } : null;
}
