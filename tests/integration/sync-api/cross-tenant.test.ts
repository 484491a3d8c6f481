import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deletePatientRoute, GET as getPatientRoute } from "@/app/api/v1/patients/[externalId]/route";
import { PUT as putPatients } from "@/app/api/v1/patients/route";
import { POST as postedRoute } from "@/app/api/v1/payments/[id]/posted/route";
import { GET as listRoute } from "@/app/api/v1/payments/route";
import { getDb, type Database } from "@/db/client";
import { auditLog, patients, payments } from "@/db/schema";
import { encodeFeedCursor } from "@/lib/sync-api/feed-cursor";
import { apiPatient, call, insertPayment, json, practiceWithKey, type KeyedPractice } from "./sync-setup";

// Practice A's key aimed at practice B's external ids and payment ids, on every endpoint: B is never read or changed.

let db: Database;
let a: KeyedPractice;
let b: KeyedPractice;
let bPaymentId: string;
let bPatientsBefore: unknown[];

async function bState() {
  return {
    patients: await db.select().from(patients).where(eq(patients.tenantId, b.tenantId)).orderBy(patients.externalId),
    payments: await db.select().from(payments).where(eq(payments.tenantId, b.tenantId)),
    audits: (await db.select().from(auditLog).where(eq(auditLog.tenantId, b.tenantId))).length,
  };
}

beforeAll(async () => {
  db = await getDb();
  a = await practiceWithKey(db, "Practice A");
  b = await practiceWithKey(db, "Practice B");
  const pushed = await call(putPatients, { method: "PUT", path: "/api/v1/patients", key: b.key, body: { patients: [apiPatient(1), apiPatient(2)] } });
  expect(pushed.status).toBe(200);
  const [bPatient] = await db.select().from(patients).where(eq(patients.tenantId, b.tenantId));
  bPaymentId = (await insertPayment(db, b.tenantId, bPatient!.id)).id;
  bPatientsBefore = (await bState()).patients;
});

describe("a key of practice A", () => {
  it("can't read B's patient by its external id", async () => {
    const res = await call(getPatientRoute, { method: "GET", path: "/api/v1/patients/PAT-1", key: a.key, params: { externalId: "PAT-1" } });
    expect(res.status).toBe(404);
    expect(JSON.stringify(await json(res))).not.toContain("García");
  });

  it("can't deactivate B's patient", async () => {
    const before = await bState();
    const res = await call(deletePatientRoute, { method: "DELETE", path: "/api/v1/patients/PAT-1", key: a.key, params: { externalId: "PAT-1" } });
    expect(res.status).toBe(404);
    expect(await bState()).toEqual(before);
  });

  it("writes the same external ids into A only", async () => {
    const before = await bState();
    const res = await call(putPatients, { method: "PUT", path: "/api/v1/patients", key: a.key, body: { patients: [apiPatient(1, { firstName: "Intruder" })] } });
    expect(await json(res)).toMatchObject({ created: 1 });
    expect(await bState()).toEqual(before);
    expect(before.patients).toEqual(bPatientsBefore);
    const [aRow] = await db.select().from(patients).where(eq(patients.tenantId, a.tenantId));
    expect(aRow!.firstName).toBe("Intruder");
  });

  it("never lists B's payments, whatever cursor it forges", async () => {
    for (const cursor of [undefined, encodeFeedCursor(0), encodeFeedCursor(1)]) {
      const page = await json<{ data: { id: string }[] }>(await call(listRoute, { method: "GET", path: `/api/v1/payments${cursor ? `?after=${cursor}` : ""}`, key: a.key }));
      expect(page.data.map((d) => d.id)).not.toContain(bPaymentId);
    }
    const bPage = await json<{ data: { id: string }[] }>(await call(listRoute, { method: "GET", path: "/api/v1/payments", key: b.key }));
    expect(bPage.data.map((d) => d.id)).toEqual([bPaymentId]);
  });

  it("can't mark B's payment posted", async () => {
    const before = await bState();
    const res = await call(postedRoute, { method: "POST", path: `/api/v1/payments/${bPaymentId}/posted`, key: a.key, params: { id: bPaymentId } });
    expect(res.status).toBe(404);
    expect(await bState()).toEqual(before);
    expect(before.payments[0]!.postedAt).toBeNull();
  });
});
