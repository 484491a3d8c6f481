import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { tenants, users } from "@/db/schema";
import { ACCESS_MESSAGES, createActionClients } from "@/lib/auth/action-clients";
import type { SessionRequest } from "@/lib/auth/access";
import { success } from "@/lib/auth/validated-action";
import { addMember, form, insertTenant, insertUser, tenantName } from "./records";

// The same builders the app uses (lib/auth/safe-action.ts), bound to a session the test chooses
// instead of one read from Auth.js and the practice cookie.
function clientsFor(db: Database, session: SessionRequest) {
  return createActionClients(async () => ({ db, ...session }));
}

const renameSchema = z.object({ name: z.string().trim().min(1, "Enter a name.") });

// A typical dashboard action: renames the acting member's own practice.
function renamePractice(db: Database, session: SessionRequest, role?: "owner") {
  return clientsFor(db, session).memberAction(renameSchema, { role }, async ({ name }, ctx) => {
    await db.update(tenants).set({ name }).where(eq(tenants.id, ctx.tenant.id));
    return success({ tenantId: ctx.tenant.id, role: ctx.role, userId: ctx.user.id });
  });
}

describe("member actions", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  it("refuses a signed-in user with no membership and changes nothing", async () => {
    const outsider = await insertUser(db);
    const practice = await insertTenant(db, "Untouched Dental");
    const result = await renamePractice(db, { userId: outsider.id, preferredTenantId: practice.id })(null, form({ name: "Taken Over" }));
    expect(result).toEqual({ ok: false, formError: ACCESS_MESSAGES.noMembership });
    expect(await tenantName(db, practice.id)).toBe("Untouched Dental");
  });

  it("refuses a request without a signed-in user", async () => {
    const result = await renamePractice(db, { userId: null, preferredTenantId: null })(null, { name: "Anything" });
    expect(result).toEqual({ ok: false, formError: ACCESS_MESSAGES.signedOut });
  });

  it("refuses a session whose account has been deleted", async () => {
    const user = await insertUser(db);
    const practice = await insertTenant(db, "Still Mine");
    await addMember(db, practice.id, user.id, "owner");
    await db.delete(users).where(eq(users.id, user.id));
    const result = await renamePractice(db, { userId: user.id, preferredTenantId: null })(null, { name: "Ghost" });
    expect(result).toEqual({ ok: false, formError: ACCESS_MESSAGES.signedOut });
  });

  it("acts on the member's own practice and ignores a tenantId of another practice in the input", async () => {
    const owner = await insertUser(db);
    const own = await insertTenant(db, "Own Dental");
    const other = await insertTenant(db, "Other Dental");
    await addMember(db, own.id, owner.id, "owner");
    const result = await renamePractice(db, { userId: owner.id, preferredTenantId: null })(null, form({ name: "Renamed", tenantId: other.id }));
    expect(result).toEqual({ ok: true, data: { tenantId: own.id, role: "owner", userId: owner.id } });
    expect(await tenantName(db, own.id)).toBe("Renamed");
    expect(await tenantName(db, other.id)).toBe("Other Dental");
  });

  it("ignores a practice cookie naming a practice the user does not belong to", async () => {
    const owner = await insertUser(db);
    const own = await insertTenant(db, "Own Dental");
    const other = await insertTenant(db, "Other Dental");
    await addMember(db, own.id, owner.id, "owner");
    const result = await renamePractice(db, { userId: owner.id, preferredTenantId: other.id })(null, { name: "Renamed", tenantId: other.id });
    expect(result.ok && result.data.tenantId).toBe(own.id);
    expect(await tenantName(db, other.id)).toBe("Other Dental");
  });

  it("fails loudly when an action's schema asks the client for a tenant id", async () => {
    const owner = await insertUser(db);
    const own = await insertTenant(db, "Own Dental");
    await addMember(db, own.id, owner.id, "owner");
    const { memberAction } = clientsFor(db, { userId: owner.id, preferredTenantId: null });
    const careless = memberAction(z.object({ tenantId: z.string() }), {}, async () => success());
    const result = await careless(null, { tenantId: own.id });
    expect(result.ok).toBe(false);
    expect(result.ok === false && Object.keys(result.fieldErrors ?? {})).toEqual(["tenantId"]);
  });

  it("refuses staff an owner-only action and changes nothing", async () => {
    const staff = await insertUser(db);
    const practice = await insertTenant(db, "Staffed Dental");
    await addMember(db, practice.id, staff.id, "staff");
    const result = await renamePractice(db, { userId: staff.id, preferredTenantId: null }, "owner")(null, { name: "Nope" });
    expect(result).toEqual({ ok: false, formError: ACCESS_MESSAGES.wrongRole });
    expect(await tenantName(db, practice.id)).toBe("Staffed Dental");
  });

  it("lets an owner run an owner-only action", async () => {
    const owner = await insertUser(db);
    const practice = await insertTenant(db, "Owned Dental");
    await addMember(db, practice.id, owner.id, "owner");
    const result = await renamePractice(db, { userId: owner.id, preferredTenantId: null }, "owner")(null, { name: "Owner Renamed" });
    expect(result.ok).toBe(true);
    expect(await tenantName(db, practice.id)).toBe("Owner Renamed");
  });

  it("returns the schema's field errors to a member without running the action", async () => {
    const owner = await insertUser(db);
    const practice = await insertTenant(db, "Valid Dental");
    await addMember(db, practice.id, owner.id, "owner");
    const result = await renamePractice(db, { userId: owner.id, preferredTenantId: null })(null, form({ name: "   " }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: ["Enter a name."] } });
    expect(await tenantName(db, practice.id)).toBe("Valid Dental");
  });
});

describe("support actions", () => {
  let db: Database;
  const echo = z.object({ note: z.string().min(1) });

  beforeAll(async () => {
    db = await getDb();
  });

  it("answer anyone without a support role as if the action did not exist", async () => {
    const owner = await insertUser(db);
    const practice = await insertTenant(db);
    await addMember(db, practice.id, owner.id, "owner");
    let ran = false;
    const action = clientsFor(db, { userId: owner.id, preferredTenantId: null }).supportAction(echo, async () => {
      ran = true;
      return success();
    });
    expect(await action(null, { note: "hi" })).toEqual({ ok: false, formError: ACCESS_MESSAGES.notSupport });
    expect(ran).toBe(false);
  });

  it("run for a support user with the user in the context", async () => {
    const support = await insertUser(db, { platformRole: "support" });
    const action = clientsFor(db, { userId: support.id, preferredTenantId: null }).supportAction(echo, async ({ note }, ctx) =>
      success({ note, by: ctx.user.id, role: ctx.user.platformRole }),
    );
    expect(await action(null, { note: "checked" })).toEqual({ ok: true, data: { note: "checked", by: support.id, role: "support" } });
  });
});
