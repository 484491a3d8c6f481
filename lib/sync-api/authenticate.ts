import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiKeys, tenants, type Tenant } from "@/db/schema";
import { hashApiKey, isApiKeyShaped } from "./api-key-format";
import { problem } from "./problem";

export interface ApiCaller {
  keyId: string;
  tenant: Tenant;
}

/** Only record use once a minute: a sync makes many requests and each would otherwise write. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The practice behind `Authorization: Bearer <key>`, from the key alone (never from the request's content):
 * 401 without a key or with an unknown one, 403 for a revoked one.
 */
export async function authenticateApiKey(db: Database, req: Request, now = new Date()): Promise<{ ok: true; caller: ApiCaller } | { ok: false; response: Response }> {
  const challenge = { "www-authenticate": 'Bearer realm="chairside"' };
  const header = req.headers.get("authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return { ok: false, response: problem("missing_api_key", "Send your API key as `Authorization: Bearer <key>`.", { headers: challenge }) };
  const key = match[1]!;
  const unknown = { ok: false as const, response: problem("invalid_api_key", "This API key is not valid. Create one in the dashboard under API.", { headers: challenge }) };
  if (!isApiKeyShaped(key)) return unknown;
  const [row] = await db.select({ key: apiKeys, tenant: tenants }).from(apiKeys).innerJoin(tenants, eq(tenants.id, apiKeys.tenantId)).where(eq(apiKeys.keyHash, hashApiKey(key)));
  if (!row) return unknown;
  if (row.key.revokedAt) return { ok: false, response: problem("api_key_revoked", "This API key was revoked. Ask an owner of the practice for a new one.") };
  if (!row.key.lastUsedAt || now.getTime() - row.key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.key.id));
  }
  return { ok: true, caller: { keyId: row.key.id, tenant: row.tenant } };
}
