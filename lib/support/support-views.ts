import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { supportViews, tenants, type SupportView, type Tenant } from "@/db/schema";
import { recordSupportAudit, type SupportActor } from "./support-actor";

/** The longest a support user may look at one practice's dashboard before starting again. */
export const SUPPORT_VIEW_MINUTES = 30;

/** The support user's view that is running now (not ended, not expired), with its practice; null otherwise. */
export async function findActiveSupportView(db: Executor, userId: string, now = new Date()): Promise<{ view: SupportView; tenant: Tenant } | null> {
  const [row] = await db
    .select({ view: supportViews, tenant: tenants })
    .from(supportViews)
    .innerJoin(tenants, eq(tenants.id, supportViews.tenantId))
    .where(and(eq(supportViews.userId, userId), isNull(supportViews.endedAt), gt(supportViews.expiresAt, now)))
    .orderBy(desc(supportViews.createdAt))
    .limit(1);
  return row ?? null;
}

/** Starts a read-only view of one practice for SUPPORT_VIEW_MINUTES (ending any other of this user's views), audited with its reason. */
export async function startSupportView(db: Database, actor: SupportActor, input: { practiceId: string; reason: string }, now = new Date()): Promise<{ ok: true; view: SupportView } | { ok: false; message: string }> {
  return db.transaction(async (tx) => {
    const [tenant] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, input.practiceId));
    if (!tenant) return { ok: false, message: "That practice no longer exists." };
    await tx.update(supportViews).set({ endedAt: now }).where(and(eq(supportViews.userId, actor.userId), isNull(supportViews.endedAt)));
    const expiresAt = new Date(now.getTime() + SUPPORT_VIEW_MINUTES * 60_000);
    const [view] = await tx.insert(supportViews).values({ userId: actor.userId, tenantId: tenant.id, reason: input.reason, expiresAt }).returning();
    await recordSupportAudit(tx, actor, { tenantId: tenant.id, action: "support-view.started", after: { viewId: view!.id, expiresAt: expiresAt.toISOString() }, reason: input.reason });
    return { ok: true, view: view! };
  });
}

/** Ends the user's running view, if any, audited; returns the practice it was on so the console can go back to it. */
export async function endSupportView(db: Database, actor: SupportActor, now = new Date()): Promise<{ tenantId: string | null }> {
  return db.transaction(async (tx) => {
    const ended = await tx
      .update(supportViews)
      .set({ endedAt: now })
      .where(and(eq(supportViews.userId, actor.userId), isNull(supportViews.endedAt), gt(supportViews.expiresAt, now)))
      .returning();
    for (const view of ended) await recordSupportAudit(tx, actor, { tenantId: view.tenantId, action: "support-view.ended", after: { viewId: view.id } });
    return { tenantId: ended[0]?.tenantId ?? null };
  });
}
