import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { supportViews, tenants } from "@/db/schema";
import { ACCESS_MESSAGES } from "@/lib/auth/action-clients";
import { checkMemberAccess } from "@/lib/auth/access";
import { success } from "@/lib/auth/validated-action";
import { SUPPORT_VIEW_MINUTES } from "@/lib/support/support-views";
import { makePractice } from "../../support/factories";
import { auditFor, consoleFor, makeSupport } from "./support-setup";

// A typical dashboard mutation, built with the same memberAction every dashboard action uses.
function renameAction(clients: ReturnType<typeof consoleFor>, db: Database) {
  return clients.memberAction(z.object({ name: z.string().min(1) }), { role: "owner" }, async ({ name }, ctx) => {
    await db.update(tenants).set({ name }).where(eq(tenants.id, ctx.tenant.id));
    return success();
  });
}

describe("view as office", () => {
  let db: Database;
  beforeAll(async () => {
    db = await getDb();
  });

  it("needs a written reason", async () => {
    const support = await makeSupport(db);
    const { tenant } = await makePractice(db);
    const result = await consoleFor(db, { userId: support.id }).actions.startView(null, { practiceId: tenant.id, reason: "look" });
    expect(result.ok === false && result.fieldErrors?.reason?.[0]).toMatch(/why/);
    expect((await checkMemberAccess(db, { userId: support.id, preferredTenantId: null })).ok).toBe(false);
  });

  it("gives support the practice's dashboard as owner, read-only, for 30 minutes at most, and logs it", async () => {
    const support = await makeSupport(db);
    const { tenant } = await makePractice(db, { name: "Viewed Dental" });
    const clients = consoleFor(db, { userId: support.id });
    const started = await clients.actions.startView(null, { practiceId: tenant.id, reason: "Ticket 123: payments missing" });
    expect(started).toEqual({ ok: true, data: { redirectTo: "/dashboard" } });

    const access = await checkMemberAccess(db, { userId: support.id, preferredTenantId: null });
    expect(access.ok && access.ctx.tenant.id).toBe(tenant.id);
    expect(access.ok && access.ctx.role).toBe("owner");
    expect(access.ok && access.ctx.supportView?.reason).toBe("Ticket 123: payments missing");
    const minutes = access.ok ? (access.ctx.supportView!.expiresAt.getTime() - Date.now()) / 60_000 : 0;
    expect(minutes).toBeGreaterThan(SUPPORT_VIEW_MINUTES - 1);
    expect(minutes).toBeLessThanOrEqual(SUPPORT_VIEW_MINUTES);

    const [entry] = await auditFor(db, tenant.id, "support-view.started");
    expect(entry).toMatchObject({ actorKind: "support", actorEmail: support.email, summary: { reason: "Ticket 123: payments missing" } });
  });

  it("refuses every dashboard mutation during a view and changes nothing", async () => {
    const support = await makeSupport(db);
    const { tenant, owner } = await makePractice(db, { name: "Untouchable Dental" });
    const clients = consoleFor(db, { userId: support.id });
    await clients.actions.startView(null, { practiceId: tenant.id, reason: "Checking the settings page" });
    const result = await renameAction(clients, db)(null, { name: "Changed by support" });
    expect(result).toEqual({ ok: false, formError: ACCESS_MESSAGES.readOnly });
    expect((await db.select().from(tenants).where(eq(tenants.id, tenant.id)))[0]?.name).toBe("Untouchable Dental");
    // The practice's own owner is unaffected.
    const ownerClients = consoleFor(db, { userId: owner.id });
    expect(await renameAction(ownerClients, db)(null, { name: "Renamed by owner" })).toEqual({ ok: true, data: undefined });
  });

  it("stops working the moment it expires", async () => {
    const support = await makeSupport(db);
    const { tenant } = await makePractice(db);
    await consoleFor(db, { userId: support.id }).actions.startView(null, { practiceId: tenant.id, reason: "Expiry check for ticket 9" });
    const justBefore = new Date(Date.now() + (SUPPORT_VIEW_MINUTES - 1) * 60_000);
    const justAfter = new Date(Date.now() + SUPPORT_VIEW_MINUTES * 60_000 + 1000);
    expect((await checkMemberAccess(db, { userId: support.id, preferredTenantId: null }, undefined, justBefore)).ok).toBe(true);
    expect(await checkMemberAccess(db, { userId: support.id, preferredTenantId: null }, undefined, justAfter)).toMatchObject({ ok: false, reason: "no-membership" });
    await db.update(supportViews).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(supportViews.userId, support.id));
    expect((await checkMemberAccess(db, { userId: support.id, preferredTenantId: null })).ok).toBe(false);
  });

  it("ends on request, logs the end, and sends support back to the practice's console page", async () => {
    const support = await makeSupport(db);
    const { tenant } = await makePractice(db);
    const { actions } = consoleFor(db, { userId: support.id });
    await actions.startView(null, { practiceId: tenant.id, reason: "Walkthrough with the owner" });
    expect(await actions.endView(null, {})).toEqual({ ok: true, data: { redirectTo: `/support/tenants/${tenant.id}` } });
    expect((await checkMemberAccess(db, { userId: support.id, preferredTenantId: null })).ok).toBe(false);
    expect((await auditFor(db, tenant.id)).map((e) => e.action)).toEqual(expect.arrayContaining(["support-view.started", "support-view.ended"]));
  });

  it("ends a removed support user's view at once", async () => {
    const admin = await makeSupport(db, "support-admin");
    const support = await makeSupport(db);
    const { tenant } = await makePractice(db);
    await consoleFor(db, { userId: support.id }).actions.startView(null, { practiceId: tenant.id, reason: "Before being removed" });
    expect(await consoleFor(db, { userId: admin.id }).actions.removeSupport(null, { userId: support.id })).toMatchObject({ ok: true });
    expect((await checkMemberAccess(db, { userId: support.id, preferredTenantId: null })).ok).toBe(false);
  });
});
