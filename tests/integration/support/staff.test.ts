import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, devOutbox, users } from "@/db/schema";
import { ACCESS_MESSAGES } from "@/lib/auth/action-clients";
import { ensureSupportAdmin } from "@/lib/support/support-users";
import { makeUser } from "../../support/factories";
import { consoleFor, makeSupport } from "./support-setup";

describe("support staff", () => {
  let db: Database;
  beforeAll(async () => {
    db = await getDb();
  });

  it("an admin invites a new support user, who gets an account, the role and a sign-in link", async () => {
    const admin = await makeSupport(db, "support-admin");
    const result = await consoleFor(db, { userId: admin.id }).actions.inviteSupport(null, { email: "New.Agent@Example.test", role: "support" });
    expect(result).toMatchObject({ ok: true });
    const [agent] = await db.select().from(users).where(eq(users.email, "new.agent@example.test"));
    expect(agent?.platformRole).toBe("support");
    const [mail] = await db.select().from(devOutbox).where(eq(devOutbox.toAddress, "new.agent@example.test")).orderBy(desc(devOutbox.createdAt));
    expect(mail?.text).toMatch(/\/api\/auth\/callback\/email\?/);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "support-user.invited"));
    expect(entry).toMatchObject({ actorEmail: admin.email, actorKind: "support", summary: { after: { email: "new.agent@example.test", role: "support" } } });
    // The new agent can use the console at once.
    const asAgent = await consoleFor(db, { userId: agent!.id }).actions.endView(null, {});
    expect(asAgent.ok).toBe(true);
  });

  it("a plain support user can't invite or remove anyone", async () => {
    const agent = await makeSupport(db, "support");
    const other = await makeSupport(db, "support");
    const { actions } = consoleFor(db, { userId: agent.id });
    expect(await actions.inviteSupport(null, { email: "sneaky@example.test", role: "support-admin" })).toEqual({ ok: false, formError: "Only a support admin can invite support staff." });
    expect(await actions.removeSupport(null, { userId: other.id })).toEqual({ ok: false, formError: "Only a support admin can remove support staff." });
    expect(await db.select().from(users).where(eq(users.email, "sneaky@example.test"))).toEqual([]);
    expect((await db.select().from(users).where(eq(users.id, other.id)))[0]?.platformRole).toBe("support");
  });

  it("an admin removes a support user, whose console access ends at once; never oneself or the last admin", async () => {
    const admin = await makeSupport(db, "support-admin");
    const agent = await makeSupport(db, "support");
    const { actions } = consoleFor(db, { userId: admin.id });
    expect(await actions.removeSupport(null, { userId: agent.id })).toMatchObject({ ok: true });
    expect(await consoleFor(db, { userId: agent.id }).actions.endView(null, {})).toEqual({ ok: false, formError: ACCESS_MESSAGES.notSupport });
    expect(await actions.removeSupport(null, { userId: admin.id })).toEqual({ ok: false, formError: "You can't remove yourself; ask another admin." });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "support-user.removed"));
    expect(entry?.summary).toMatchObject({ before: { email: agent.email, role: "support" } });
  });

  it("two admins removing each other at once leave exactly one admin", async () => {
    // Only these two are admins, so whichever removal commits second would leave none: it must be refused.
    await db.update(users).set({ platformRole: "support" }).where(eq(users.platformRole, "support-admin"));
    const a = await makeSupport(db, "support-admin");
    const b = await makeSupport(db, "support-admin");
    const results = await Promise.all([
      consoleFor(db, { userId: a.id }).actions.removeSupport(null, { userId: b.id }),
      consoleFor(db, { userId: b.id }).actions.removeSupport(null, { userId: a.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const admins = await db.select().from(users).where(eq(users.platformRole, "support-admin"));
    expect(admins).toHaveLength(1);
  });

  it("npm run support:add creates the first admin, and running it again changes nothing", async () => {
    expect(await ensureSupportAdmin(db, "first.admin@example.test")).toEqual({ created: true, changed: true });
    expect(await ensureSupportAdmin(db, "first.admin@example.test")).toEqual({ created: false, changed: false });
    const existing = await makeUser(db);
    expect(await ensureSupportAdmin(db, existing.email)).toEqual({ created: false, changed: true });
    const rows = await db.select().from(users).where(eq(users.email, "first.admin@example.test"));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.platformRole).toBe("support-admin");
    expect((await db.select().from(users).where(eq(users.id, existing.id)))[0]?.platformRole).toBe("support-admin");
  });
});
