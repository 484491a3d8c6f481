import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, patients, payments } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { makePractice } from "../../support/factories";

async function makePatient(tenantId: string) {
  const db = await getDb();
  const [p] = await db
    .insert(patients)
    .values({ tenantId, externalId: crypto.randomUUID(), firstName: "Ana", lastName: "Lopez", firstNameKey: "ana", lastNameKey: "lopez", birthdate: "1990-01-01" })
    .returning();
  return p!;
}

describe("database guarantees", () => {
  it("refuses to change or delete an audit entry", async () => {
    const db = await getDb();
    const { tenant, owner } = await makePractice(db);
    await recordAudit(db, { tenantId: tenant.id, actorUserId: owner.id, actorEmail: owner.email, action: "test.changed", after: { a: 1 } });
    await expect(db.update(auditLog).set({ action: "rewritten" }).where(eq(auditLog.tenantId, tenant.id))).rejects.toThrow();
    await expect(db.delete(auditLog).where(eq(auditLog.tenantId, tenant.id))).rejects.toThrow();
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, "test.changed"));
    expect(rows.map((r) => [r.tenantId, r.actorEmail, r.actorKind])).toEqual([[tenant.id, owner.email, "office"]]);
  });

  it("gives a payment a new feed position each time it enters or changes a reported state, and none while pending", async () => {
    const db = await getDb();
    const { tenant } = await makePractice(db);
    const patient = await makePatient(tenant.id);
    const [pending] = await db
      .insert(payments)
      .values({ tenantId: tenant.id, patientId: patient.id, amountCents: 5_000, idempotencyKey: "k1", processorKind: "demo" })
      .returning();
    expect(pending!.feedSeq).toBeNull();

    const [succeeded] = await db.update(payments).set({ status: "succeeded" }).where(eq(payments.id, pending!.id)).returning();
    expect(succeeded!.feedSeq).toBeGreaterThan(0);

    // A change that isn't a state change (posting it) keeps its place in the feed.
    const [posted] = await db.update(payments).set({ postedAt: new Date() }).where(eq(payments.id, pending!.id)).returning();
    expect(posted!.feedSeq).toBe(succeeded!.feedSeq);

    const [partial] = await db.update(payments).set({ status: "partially_refunded", refundedCents: 1_000 }).where(eq(payments.id, pending!.id)).returning();
    expect(partial!.feedSeq).toBeGreaterThan(succeeded!.feedSeq!);
    const [more] = await db.update(payments).set({ refundedCents: 2_000 }).where(eq(payments.id, pending!.id)).returning();
    expect(more!.feedSeq).toBeGreaterThan(partial!.feedSeq!);

    const [failedAtOnce] = await db
      .insert(payments)
      .values({ tenantId: tenant.id, patientId: patient.id, amountCents: 100, idempotencyKey: "k2", processorKind: "demo", status: "failed" })
      .returning();
    expect(failedAtOnce!.feedSeq).toBeGreaterThan(more!.feedSeq!);
    const { queryRows } = await import("@/db/query-rows");
    const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from payments where feed_seq is not null`);
    expect(rows[0]!.n).toBe(2);
  });
});
