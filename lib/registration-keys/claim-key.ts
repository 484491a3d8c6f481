import { and, eq, ne } from "drizzle-orm";
import type { Database } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { registrationKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { formatKey, keyShapeMessage, keyShapeProblem, normalizeKey } from "./key-format";

export type ClaimFailure = "shape" | "unknown" | "revoked" | "lapsed" | "claimed" | "busy";
export type ClaimResult = { ok: true; supportUntil: Date } | { ok: false; code: ClaimFailure; message: string };

function failure(code: ClaimFailure, message: string): ClaimResult {
  return { ok: false, code, message };
}

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/**
 * Gives a practice a registration key: known, not revoked, support not lapsed, and not held by
 * another practice. Atomic: of two practices racing for one key exactly one wins. A practice that
 * already holds another key gives it up (it is revoked as replaced). Claiming one's own key again is a no-op.
 */
export async function claimKey(
  db: Database,
  input: { tenantId: string; rawKey: string; actorUserId: string; ip?: string },
  now = new Date(),
): Promise<ClaimResult> {
  const problem = keyShapeProblem(input.rawKey);
  if (problem) return failure("shape", keyShapeMessage(problem));
  const key = normalizeKey(input.rawKey);
  try {
    return await db.transaction(async (tx) => {
      // FOR UPDATE: a racing claim waits here, then sees the winner's claim.
      const [row] = await tx.select().from(registrationKeys).where(eq(registrationKeys.key, key)).for("update");
      if (!row) return failure("unknown", "We don't recognise that key. Check it against the email from Chairside support.");
      if (row.revokedAt) return failure("revoked", "That key has been withdrawn. Please contact Chairside support for a new one.");
      if (row.supportUntil <= now)
        return failure("lapsed", `Support for that key ended on ${dateFormat.format(row.supportUntil)}. Please contact Chairside support to renew.`);
      if (row.claimedByTenantId === input.tenantId) return { ok: true, supportUntil: row.supportUntil };
      if (row.claimedByTenantId) return failure("claimed", "That key is already in use by another practice.");

      const previous = await tx
        .update(registrationKeys)
        .set({ claimedByTenantId: null, revokedAt: now, revokedReason: `Replaced by ${formatKey(key)}` })
        .where(and(eq(registrationKeys.claimedByTenantId, input.tenantId), ne(registrationKeys.id, row.id)))
        .returning({ key: registrationKeys.key });
      await tx.update(registrationKeys).set({ claimedByTenantId: input.tenantId, claimedAt: now }).where(eq(registrationKeys.id, row.id));
      await recordAudit(tx, {
        tenantId: input.tenantId,
        actorUserId: input.actorUserId,
        action: "registration-key.claimed",
        before: previous[0] ? { key: formatKey(previous[0].key) } : null,
        after: { key: formatKey(key), supportUntil: row.supportUntil.toISOString() },
        ip: input.ip,
      });
      return { ok: true, supportUntil: row.supportUntil };
    });
  } catch (err) {
    // The practice claimed a different key in a parallel request; its own unique slot decided.
    if (isUniqueViolation(err)) return failure("busy", "Another key was just added to your practice. Reload the page to see it.");
    throw err;
  }
}
