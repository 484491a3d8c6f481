import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "@/db/client";
import { supportViews, users, type PlatformRole } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { authSecret } from "@/lib/auth/secret";
import { createSignInLink, mailSignInLink } from "./sign-in-token";
import { recordSupportAudit, type SupportActor } from "./support-actor";

export const inviteSupportSchema = z.object({
  email: z.email("Enter an email address.").trim().toLowerCase(),
  role: z.enum(["support", "support-admin"]).default("support"),
});
export const removeSupportSchema = z.object({ userId: z.string().min(1) });

export type SupportUserResult = { ok: true } | { ok: false; message: string };

/** Everyone who can reach the console, admins first. */
export async function listSupportUsers(db: Executor) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, platformRole: users.platformRole, createdAt: users.createdAt })
    .from(users)
    .where(isNotNull(users.platformRole))
    .orderBy(sql`${users.platformRole} desc`, asc(users.email));
}

/**
 * Gives `email` a support role (creating the account if there is none) and emails them a sign-in link;
 * only a support-admin may. Audited in the transaction that grants the role.
 */
export async function inviteSupportUser(db: Database, actor: SupportActor & { platformRole: PlatformRole }, input: { email: string; role: PlatformRole }, secret: () => string = authSecret): Promise<SupportUserResult> {
  if (actor.platformRole !== "support-admin") return { ok: false, message: "Only a support admin can invite support staff." };
  const link = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.email, input.email)).for("update");
    if (existing?.platformRole) return null;
    if (existing) await tx.update(users).set({ platformRole: input.role }).where(eq(users.id, existing.id));
    else await tx.insert(users).values({ email: input.email, platformRole: input.role });
    await recordSupportAudit(tx, actor, { tenantId: null, action: "support-user.invited", before: { email: input.email, role: null }, after: { email: input.email, role: input.role } });
    return createSignInLink(tx, input.email, secret());
  });
  if (!link) return { ok: false, message: "That person is already on the support team." };
  await mailSignInLink(input.email, link);
  return { ok: true };
}

/** Takes the support role away (their console and any running view stop at once); never oneself or the last admin. */
export async function removeSupportUser(db: Database, actor: SupportActor & { platformRole: PlatformRole }, input: { userId: string }, now = new Date()): Promise<SupportUserResult> {
  if (actor.platformRole !== "support-admin") return { ok: false, message: "Only a support admin can remove support staff." };
  if (input.userId === actor.userId) return { ok: false, message: "You can't remove yourself; ask another admin." };
  return db.transaction(async (tx) => {
    // Lock every admin row so two admins removing each other can't leave none.
    const admins = await tx.select({ id: users.id }).from(users).where(eq(users.platformRole, "support-admin")).for("update");
    const [target] = await tx.select().from(users).where(eq(users.id, input.userId)).for("update");
    if (!target?.platformRole) return { ok: false, message: "That person isn't on the support team." };
    if (target.platformRole === "support-admin" && admins.length <= 1) return { ok: false, message: "Keep at least one support admin." };
    await tx.update(users).set({ platformRole: null }).where(eq(users.id, target.id));
    await tx.update(supportViews).set({ endedAt: now }).where(and(eq(supportViews.userId, target.id), isNull(supportViews.endedAt)));
    await recordSupportAudit(tx, actor, { tenantId: null, action: "support-user.removed", before: { email: target.email, role: target.platformRole }, after: { email: target.email, role: null } });
    return { ok: true };
  });
}

/** Makes `email` a support-admin, creating the account if needed; idempotent (the first-admin bootstrap). */
export async function ensureSupportAdmin(db: Database, email: string): Promise<{ created: boolean; changed: boolean }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.email, email)).for("update");
    if (existing?.platformRole === "support-admin") return { created: false, changed: false };
    if (existing) await tx.update(users).set({ platformRole: "support-admin" }).where(eq(users.id, existing.id));
    else await tx.insert(users).values({ email, platformRole: "support-admin" });
    await recordAudit(tx, { tenantId: null, actorUserId: null, actorEmail: null, actorKind: "system", action: "support-user.added-by-cli", before: { email, role: existing?.platformRole ?? null }, after: { email, role: "support-admin" } });
    return { created: !existing, changed: true };
  });
}
