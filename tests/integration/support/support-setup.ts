import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, processorAccounts } from "@/db/schema";
import { createActionClients } from "@/lib/auth/action-clients";
import type { SessionRequest } from "@/lib/auth/access";
import { issueKeys } from "@/lib/registration-keys/issue-keys";
import { claimKey } from "@/lib/registration-keys/claim-key";
import { createConsoleActions } from "@/lib/support/console-actions";
import { loadPortalTenant, portalAvailability } from "@/lib/tenancy/portal-tenant";
import { makePractice, makeUser } from "../../support/factories";

export const TEST_SECRET = "test-auth-secret";

/** The console's real actions bound to a session the test chooses (as lib/auth/safe-action.ts binds the real one). */
export function consoleFor(db: Database, session: Partial<SessionRequest>) {
  const paths: string[] = [];
  const clients = createActionClients(async () => ({ db, userId: session.userId ?? null, preferredTenantId: session.preferredTenantId ?? null }));
  const actions = createConsoleActions({ supportAction: clients.supportAction, db: async () => db, ip: async () => "203.0.113.9", revalidatePath: (p) => paths.push(p), authSecret: () => TEST_SECRET });
  return { actions, memberAction: clients.memberAction, revalidated: paths };
}

/** A practice whose portal is open: an active key and the demo processor taking charges. */
export async function makeLivePractice(db: Database, opts: { slug?: string } = {}) {
  const { tenant, owner } = await makePractice(db, opts);
  const [key] = await issueKeys(db, { count: 1, supportUntil: new Date(Date.now() + 365 * 86_400_000) });
  const claimed = await claimKey(db, { tenantId: tenant.id, rawKey: key!.key, actorUserId: owner.id });
  if (!claimed.ok) throw new Error(claimed.message);
  await db.insert(processorAccounts).values({ tenantId: tenant.id, kind: "demo", externalAccountId: `demo_${tenant.id}`, chargesEnabled: true, detailsSubmitted: true });
  return { tenant, owner, key: key! };
}

/** What a patient arriving at the practice's host would get right now (the cache is bypassed: tests have none). */
export async function portalState(db: Database, slug: string) {
  const t = await loadPortalTenant(db, slug);
  return t ? portalAvailability(t) : "missing";
}

export async function makeSupport(db: Database, role: "support" | "support-admin" = "support") {
  return makeUser(db, { platformRole: role });
}

/** Audit entries for one practice (or platform-wide ones, tenantId null, with `action`), oldest first. */
export async function auditFor(db: Database, tenantId: string, action?: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), action ? eq(auditLog.action, action) : undefined))
    .orderBy(asc(auditLog.createdAt));
}
