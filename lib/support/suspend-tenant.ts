import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { tenants } from "@/db/schema";
import { recordSupportAudit, type SupportActor } from "./support-actor";

export type TenantChangeResult = { ok: true; slug: string } | { ok: false; message: string };

/**
 * Closes a practice's portal (patients see the unavailable page; the office sees the reason) and audits it,
 * in one transaction. The caller must revalidate the portal cache with the returned slug.
 */
export async function suspendTenant(db: Database, actor: SupportActor, input: { practiceId: string; reason: string }, now = new Date()): Promise<TenantChangeResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(tenants).where(eq(tenants.id, input.practiceId)).for("update");
    if (!row) return { ok: false, message: "That practice no longer exists." };
    if (row.status === "suspended") return { ok: false, message: "That practice is already suspended." };
    await tx.update(tenants).set({ status: "suspended", suspendedReason: input.reason, suspendedAt: now }).where(eq(tenants.id, row.id));
    await recordSupportAudit(tx, actor, { tenantId: row.id, action: "practice.suspended", before: { status: row.status }, after: { status: "suspended" }, reason: input.reason });
    return { ok: true, slug: row.slug };
  });
}

/** Lifts a suspension (the portal opens again if setup is complete) and audits it, in one transaction. */
export async function unsuspendTenant(db: Database, actor: SupportActor, input: { practiceId: string; reason: string }): Promise<TenantChangeResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(tenants).where(eq(tenants.id, input.practiceId)).for("update");
    if (!row) return { ok: false, message: "That practice no longer exists." };
    if (row.status !== "suspended") return { ok: false, message: "That practice isn't suspended." };
    await tx.update(tenants).set({ status: "active", suspendedReason: null, suspendedAt: null }).where(eq(tenants.id, row.id));
    await recordSupportAudit(tx, actor, {
      tenantId: row.id,
      action: "practice.unsuspended",
      before: { status: "suspended", reason: row.suspendedReason },
      after: { status: "active" },
      reason: input.reason,
    });
    return { ok: true, slug: row.slug };
  });
}
