import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { apiKeys, auditLog } from "@/db/schema";
import { ACCESS_MESSAGES, createActionClients } from "@/lib/auth/action-clients";
import { success } from "@/lib/auth/validated-action";
import { hashApiKey } from "@/lib/sync-api/api-key-format";
import { createApiKey, createApiKeySchema, listApiKeys, revokeApiKey } from "@/lib/sync-api/api-keys";
import { addMember } from "../../support/factories";
import { practiceWithKey, type KeyedPractice } from "./sync-setup";

let db: Database;
let p: KeyedPractice;
beforeAll(async () => {
  db = await getDb();
  p = await practiceWithKey(db);
});

const audits = (tenantId: string, action: string) => db.select().from(auditLog).where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, action)));

describe("API keys", () => {
  it("stores only the key's hash and a 12-character prefix, and audits the creation", async () => {
    expect(p.key).toMatch(/^cs_live_[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, p.keyId));
    expect(row!.keyHash).toBe(hashApiKey(p.key));
    expect(row!.prefix).toBe(p.key.slice(0, 12));
    expect(JSON.stringify(row)).not.toContain(p.key);
    const [audit] = await audits(p.tenantId, "api-key.created");
    expect(JSON.stringify(audit!.summary)).not.toContain(p.key);
    expect(audit!.actorUserId).toBe(p.ownerId);
  });

  it("lists the practice's keys without hashes, and revokes once with an audit row", async () => {
    const list = await listApiKeys(db, p.tenantId);
    expect(list.map((k) => k.id)).toEqual([p.keyId]);
    expect(Object.keys(list[0]!)).not.toContain("keyHash");
    const actor = { tenantId: p.tenantId, actorUserId: p.ownerId };
    expect(await revokeApiKey(db, actor, p.keyId)).toBe(true);
    expect(await revokeApiKey(db, actor, p.keyId)).toBe(false);
    expect(await audits(p.tenantId, "api-key.revoked")).toHaveLength(1);
    expect((await listApiKeys(db, p.tenantId))[0]!.revokedAt).not.toBeNull();
  });

  it("can't be revoked by another practice", async () => {
    const q = await practiceWithKey(db);
    expect(await revokeApiKey(db, { tenantId: p.tenantId, actorUserId: p.ownerId }, q.keyId)).toBe(false);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, q.keyId));
    expect(row!.revokedAt).toBeNull();
    expect(await audits(p.tenantId, "api-key.revoked")).toHaveLength(1);
  });

  it("are created only by owners through an owner-only member action", async () => {
    const staff = await addMember(db, p.tenantId, "staff");
    const action = (userId: string) =>
      createActionClients(async () => ({ db, userId, preferredTenantId: p.tenantId })).memberAction(createApiKeySchema, { role: "owner" }, async (input, ctx) =>
        success(await createApiKey(db, { tenantId: ctx.tenant.id, actorUserId: ctx.user.id }, input)),
      );
    const before = (await listApiKeys(db, p.tenantId)).length;
    expect(await action(staff.id)(null, { name: "Sneaky" })).toEqual({ ok: false, formError: ACCESS_MESSAGES.wrongRole });
    expect(await listApiKeys(db, p.tenantId)).toHaveLength(before);
    const missingName = await action(p.ownerId)(null, { name: "  " });
    expect(missingName).toMatchObject({ ok: false, fieldErrors: { name: ["Name the key, e.g. the system that will use it."] } });
    expect(await action(p.ownerId)(null, { name: "Dentrix" })).toMatchObject({ ok: true, data: { name: "Dentrix" } });
    expect(await listApiKeys(db, p.tenantId)).toHaveLength(before + 1);
  });
});
