import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, registrationKeys, tenants, users } from "@/db/schema";
import { ACCESS_MESSAGES } from "@/lib/auth/action-clients";
import { checkSupportAccess } from "@/lib/auth/access";
import type { ConsoleActions } from "@/lib/support/console-actions";
import { addMember } from "../../support/factories";
import { consoleFor, makeLivePractice, makeSupport, portalState } from "./support-setup";

// The console hides itself: every page runs requireSupport() (notFound() unless checkSupportAccess allows) and
// every action answers "Not found." The CSV routes use checkSupportAccess too.

describe("the support console for anyone but support staff", () => {
  let db: Database;
  let target: Awaited<ReturnType<typeof makeLivePractice>>;
  let inputs: Record<keyof ConsoleActions, Record<string, string>>;

  beforeAll(async () => {
    db = await getDb();
    target = await makeLivePractice(db);
    const someone = await makeSupport(db);
    const future = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const practiceId = target.tenant.id;
    // Well-formed input for every action, so only the guard can stop it.
    inputs = {
      issueKeys: { count: "2", supportUntil: future },
      extendSupport: { keyId: target.key.id, supportUntil: future },
      revokeKey: { keyId: target.key.id, reason: "Taking over" },
      releaseKey: { keyId: target.key.id, reason: "Taking over" },
      suspend: { practiceId, reason: "Taking over" },
      unsuspend: { practiceId, reason: "Taking over" },
      sendOwnerLink: { practiceId },
      changeSubdomain: { practiceId, slug: "hijacked-practice" },
      startView: { practiceId, reason: "I would like to see the patients" },
      endView: {},
      inviteSupport: { email: "intruder@example.test", role: "support-admin" },
      removeSupport: { userId: someone.id },
    };
  });

  async function expectEveryActionRefused(userId: string | null) {
    const { actions } = consoleFor(db, { userId, preferredTenantId: target.tenant.id });
    const auditBefore = (await db.select().from(auditLog)).length;
    for (const [name, action] of Object.entries(actions) as [keyof ConsoleActions, ConsoleActions[keyof ConsoleActions]][]) {
      const result = await (action as (p: null, i: Record<string, string>) => Promise<unknown>)(null, inputs[name]);
      expect(result, name).toEqual({ ok: false, formError: ACCESS_MESSAGES.notSupport });
    }
    // Nothing happened: the portal is still live on its key and subdomain, nobody was invited, nothing audited.
    expect(await portalState(db, target.tenant.slug)).toBe("live");
    expect((await db.select().from(registrationKeys).where(eq(registrationKeys.id, target.key.id)))[0]).toMatchObject({ revokedAt: null, claimedByTenantId: target.tenant.id });
    expect((await db.select().from(tenants).where(eq(tenants.id, target.tenant.id)))[0]?.slug).toBe(target.tenant.slug);
    expect(await db.select().from(users).where(eq(users.email, "intruder@example.test"))).toEqual([]);
    expect((await db.select().from(auditLog)).length).toBe(auditBefore);
  }

  it("answers a practice owner's every console action with Not found and changes nothing", async () => {
    await expectEveryActionRefused(target.owner.id);
  });

  it("answers staff and signed-out visitors the same way", async () => {
    const staff = await addMember(db, target.tenant.id, "staff");
    await expectEveryActionRefused(staff.id);
    await expectEveryActionRefused(null);
  });

  it("denies console pages and downloads to office users, visitors and former support staff", async () => {
    expect(await checkSupportAccess(db, { userId: target.owner.id })).toEqual({ ok: false, reason: "not-support" });
    expect(await checkSupportAccess(db, { userId: null })).toEqual({ ok: false, reason: "signed-out" });
    const former = await makeSupport(db);
    await db.update(users).set({ platformRole: null }).where(eq(users.id, former.id));
    expect(await checkSupportAccess(db, { userId: former.id })).toEqual({ ok: false, reason: "not-support" });
    const current = await makeSupport(db);
    expect((await checkSupportAccess(db, { userId: current.id })).ok).toBe(true);
  });
});
