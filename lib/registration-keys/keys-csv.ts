import { toCsv } from "@/lib/csv/to-csv";
import { formatKey } from "./key-format";
import { keyState, type KeyRow } from "./list-keys";

const HEADER = ["key", "state", "support_until", "note", "practice", "subdomain", "claimed_at", "revoked_at", "revoked_reason", "issued_at"];

/** Keys as formula-safe CSV: formatted keys, ISO 8601 UTC times. */
export function keysToCsv(rows: Pick<KeyRow, "key" | "supportUntil" | "note" | "tenantId" | "tenantName" | "tenantSlug" | "claimedAt" | "revokedAt" | "revokedReason" | "createdAt">[], now = new Date()): string {
  return toCsv(
    HEADER,
    rows.map((r) => [
      formatKey(r.key),
      keyState(r, now),
      r.supportUntil.toISOString(),
      r.note,
      r.tenantName,
      r.tenantSlug,
      r.claimedAt?.toISOString(),
      r.revokedAt?.toISOString(),
      r.revokedReason,
      r.createdAt.toISOString(),
    ]),
  );
}
