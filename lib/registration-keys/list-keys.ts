import { and, desc, eq, gt, ilike, isNotNull, isNull, lte, or, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { registrationKeys, tenants } from "@/db/schema";
import { containsPattern } from "@/db/contains-pattern";
import type { KeyListQuery } from "./key-schemas";
import { normalizeKey } from "./key-format";

export const KEYS_PAGE_SIZE = 50;
const LAPSING_DAYS = 30;

export interface KeyRow {
  id: string;
  key: string;
  supportUntil: Date;
  note: string | null;
  createdAt: Date;
  claimedAt: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  tenantId: string | null;
  tenantName: string | null;
  tenantSlug: string | null;
}

/** The WHERE clause for a status filter and search text (key, note, practice name or subdomain). */
function keyConditions(query: Pick<KeyListQuery, "status" | "q">, now: Date): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  const soon = new Date(now.getTime() + LAPSING_DAYS * 86_400_000);
  switch (query.status) {
    case "unclaimed":
      conditions.push(isNull(registrationKeys.claimedByTenantId), isNull(registrationKeys.revokedAt));
      break;
    case "claimed":
      conditions.push(isNotNull(registrationKeys.claimedByTenantId), isNull(registrationKeys.revokedAt));
      break;
    case "revoked":
      conditions.push(isNotNull(registrationKeys.revokedAt));
      break;
    case "lapsing":
      conditions.push(isNull(registrationKeys.revokedAt), gt(registrationKeys.supportUntil, now), lte(registrationKeys.supportUntil, soon));
      break;
    case "lapsed":
      conditions.push(isNull(registrationKeys.revokedAt), lte(registrationKeys.supportUntil, now));
      break;
    case "all":
      break;
  }
  if (query.q) {
    const text = containsPattern(query.q);
    const key = normalizeKey(query.q);
    conditions.push(
      or(
        key ? ilike(registrationKeys.key, containsPattern(key)) : undefined,
        ilike(registrationKeys.note, text),
        ilike(tenants.name, text),
        ilike(tenants.slug, text),
      ),
    );
  }
  return and(...conditions);
}

function selectKeys(db: Executor, query: Pick<KeyListQuery, "status" | "q">, now: Date) {
  return db
    .select({
      id: registrationKeys.id,
      key: registrationKeys.key,
      supportUntil: registrationKeys.supportUntil,
      note: registrationKeys.note,
      createdAt: registrationKeys.createdAt,
      claimedAt: registrationKeys.claimedAt,
      revokedAt: registrationKeys.revokedAt,
      revokedReason: registrationKeys.revokedReason,
      tenantId: tenants.id,
      tenantName: tenants.name,
      tenantSlug: tenants.slug,
    })
    .from(registrationKeys)
    .leftJoin(tenants, eq(tenants.id, registrationKeys.claimedByTenantId))
    .where(keyConditions(query, now))
    .orderBy(desc(registrationKeys.createdAt), desc(registrationKeys.id));
}

/** One page of keys matching the filter, newest first, with the practice holding each; `hasMore` when another page follows. */
export async function listKeys(db: Executor, query: KeyListQuery, now = new Date()): Promise<{ rows: KeyRow[]; hasMore: boolean }> {
  const rows = await selectKeys(db, query, now)
    .limit(KEYS_PAGE_SIZE + 1)
    .offset((query.page - 1) * KEYS_PAGE_SIZE);
  return { rows: rows.slice(0, KEYS_PAGE_SIZE), hasMore: rows.length > KEYS_PAGE_SIZE };
}

/** Every key matching the filter (for the CSV download), capped so one request cannot dump an unbounded table. */
export async function allKeys(db: Executor, query: Pick<KeyListQuery, "status" | "q">, now = new Date()): Promise<KeyRow[]> {
  return selectKeys(db, query, now).limit(50_000);
}

/** The state a key is in, as the console labels it. */
export function keyState(row: Pick<KeyRow, "revokedAt" | "tenantId" | "supportUntil">, now = new Date()): "revoked" | "lapsed" | "claimed" | "unclaimed" {
  if (row.revokedAt) return "revoked";
  if (row.supportUntil <= now) return "lapsed";
  return row.tenantId ? "claimed" : "unclaimed";
}

