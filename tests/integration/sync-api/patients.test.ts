import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deletePatientRoute, GET as getPatientRoute, POST as postPatientRoute } from "@/app/api/v1/patients/[externalId]/route";
import { GET as getPatientsRoute, PUT as putPatients } from "@/app/api/v1/patients/route";
import { getDb, type Database } from "@/db/client";
import { auditLog, patients } from "@/db/schema";
import { revokeApiKey } from "@/lib/sync-api/api-keys";
import { apiKeyRateRule } from "@/lib/sync-api/rate-limit";
import { consumeRateLimit } from "@/lib/rate-limit/consume";
import { apiPatient, call, json, practiceWithKey, type KeyedPractice } from "./sync-setup";

let db: Database;
let p: KeyedPractice;
beforeAll(async () => {
  db = await getDb();
  p = await practiceWithKey(db);
});

const put = (body: unknown, key: string | null = p.key, headers?: Record<string, string>) => call(putPatients, { method: "PUT", path: "/api/v1/patients", key, body, headers });
const getOne = (externalId: string, key = p.key) => call(getPatientRoute, { method: "GET", path: `/api/v1/patients/${externalId}`, key, params: { externalId } });

async function rowsOf(tenantId: string) {
  return db.select().from(patients).where(eq(patients.tenantId, tenantId)).orderBy(patients.externalId);
}

describe("PUT /api/v1/patients", () => {
  it("creates patients and reports each one, then reports every one unchanged for the same body without touching a row", async () => {
    const body = { patients: [apiPatient(1), apiPatient(2, { clinic: p.clinicSlug, balanceAsOf: "2026-11-26T08:00:00Z" })] };
    const first = await put(body);
    expect(first.status).toBe(200);
    expect(await json(first)).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      results: [
        { index: 0, externalId: "PAT-1", status: "created" },
        { index: 1, externalId: "PAT-2", status: "created" },
      ],
    });
    const before = await rowsOf(p.tenantId);
    expect(before.map((r) => [r.externalId, r.phone, r.balanceCents, r.clinicId !== null])).toEqual([
      ["PAT-1", "+15550102030", 10_001, true],
      ["PAT-2", "+15550102030", 10_002, true],
    ]);
    expect(before[1]!.balanceAsOf?.toISOString()).toBe("2026-11-26T08:00:00.000Z");

    const again = await put(body);
    expect(await json(again)).toMatchObject({ created: 0, updated: 0, unchanged: 2, results: [{ status: "unchanged" }, { status: "unchanged" }] });
    const after = await rowsOf(p.tenantId);
    expect(after.map((r) => r.updatedAt.toISOString())).toEqual(before.map((r) => r.updatedAt.toISOString()));
  });

  it("updates only the patients whose data changed", async () => {
    const res = await put({ patients: [apiPatient(1, { balanceCents: 0 }), apiPatient(2)] });
    expect(await json(res)).toMatchObject({ created: 0, updated: 1, unchanged: 1, results: [{ externalId: "PAT-1", status: "updated" }, { externalId: "PAT-2", status: "unchanged" }] });
    expect((await rowsOf(p.tenantId))[0]!.balanceCents).toBe(0);
  });

  it("refuses the whole batch with 422 naming every bad field, and writes nothing", async () => {
    const before = await rowsOf(p.tenantId);
    const res = await put({
      patients: [
        apiPatient(10),
        apiPatient(11, { birthdate: "03/14/1985" }),
        apiPatient(12, { balanceCents: 12.5, clinic: "nowhere" }),
        apiPatient(13, { birthdate: "2999-01-01" }),
        apiPatient(10),
        { ...apiPatient(14), nickname: "x" },
        { externalId: "PAT-15" },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = await json<{ code: string; errors: { pointer: string; code: string }[] }>(res);
    expect(body.code).toBe("validation_failed");
    const pointers = body.errors.map((e) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining(["/patients/1/birthdate", "/patients/2/balanceCents", "/patients/5/nickname", "/patients/6/firstName", "/patients/6/birthdate"]),
    );
    expect(body.errors.find((e) => e.pointer === "/patients/6/firstName")?.code).toBe("required");
    // Structural errors come first; the CSV import's rules (future birthdate, clinic, duplicates) run once the shape is right.
    const semantic = await json<{ errors: { pointer: string; code: string }[] }>(
      await put({ patients: [apiPatient(10), apiPatient(12, { clinic: "nowhere" }), apiPatient(13, { birthdate: "2999-01-01" }), apiPatient(10), apiPatient(14, { phone: "12" })] }),
    );
    expect(semantic.errors.map((e) => [e.pointer, e.code])).toEqual([
      ["/patients/1/clinic", "unknown_clinic"],
      ["/patients/2/birthdate", "custom"],
      ["/patients/3/externalId", "duplicate"],
      ["/patients/4/phone", "custom"],
    ]);
    expect(await rowsOf(p.tenantId)).toEqual(before);
  });

  it("refuses more than 1,000 patients, a wrong content type, a malformed body and an oversized one", async () => {
    const many = { patients: Array.from({ length: 1001 }, (_, i) => apiPatient(1000 + i)) };
    const tooMany = await put(many);
    expect(tooMany.status).toBe(422);
    expect((await json<{ errors: { pointer: string }[] }>(tooMany)).errors[0]!.pointer).toBe("/patients");

    const wrongType = await call(putPatients, { method: "PUT", path: "/api/v1/patients", key: p.key, rawBody: "externalId,firstName", headers: { "content-type": "text/csv" } });
    expect([wrongType.status, (await json(wrongType)).code]).toEqual([415, "unsupported_media_type"]);

    const malformed = await call(putPatients, { method: "PUT", path: "/api/v1/patients", key: p.key, rawBody: "{nope", headers: { "content-type": "application/json" } });
    expect([malformed.status, (await json(malformed)).code]).toEqual([400, "invalid_json"]);

    const declared = await call(putPatients, { method: "PUT", path: "/api/v1/patients", key: p.key, rawBody: "{}", headers: { "content-type": "application/json", "content-length": "6000000" } });
    expect([declared.status, (await json(declared)).code]).toEqual([413, "payload_too_large"]);

    // No Content-Length: the bytes actually read count.
    const huge = JSON.stringify({ patients: [apiPatient(1, { firstName: "x".repeat(5_100_000) })] });
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(huge));
        c.close();
      },
    });
    const req = new Request("http://localhost:3000/api/v1/patients", { method: "PUT", headers: { authorization: `Bearer ${p.key}`, "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit);
    const streamed = await putPatients(req, { params: Promise.resolve({}) });
    expect([streamed.status, (await json(streamed)).code]).toEqual([413, "payload_too_large"]);
    expect((await rowsOf(p.tenantId)).some((r) => r.firstName.startsWith("xxx"))).toBe(false);
  });

  it("answers 405 with Allow for a method the path doesn't serve", async () => {
    const res = await getPatientsRoute();
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("PUT");
    expect((await json(res)).code).toBe("method_not_allowed");
    expect((await postPatientRoute()).headers.get("allow")).toBe("GET, DELETE");
  });
});

describe("GET and DELETE /api/v1/patients/{externalId}", () => {
  it("reads a patient, deactivates it keeping its row, and still reads it as inactive", async () => {
    const got = await getOne("PAT-2");
    expect(got.status).toBe(200);
    expect(await json(got)).toMatchObject({ externalId: "PAT-2", firstName: "Maria", birthdate: "1985-03-14", balanceCents: 10_002, clinic: p.clinicSlug, active: true, phone: "+15550102030" });

    const del = await call(deletePatientRoute, { method: "DELETE", path: "/api/v1/patients/PAT-2", key: p.key, params: { externalId: "PAT-2" } });
    expect(del.status).toBe(200);
    expect(await json(del)).toMatchObject({ externalId: "PAT-2", active: false });
    const [row] = await db.select().from(patients).where(and(eq(patients.tenantId, p.tenantId), eq(patients.externalId, "PAT-2")));
    expect(row!.active).toBe(false);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.tenantId, p.tenantId), eq(auditLog.action, "patient.deactivated")));
    expect(audits).toHaveLength(1);

    const twice = await call(deletePatientRoute, { method: "DELETE", path: "/api/v1/patients/PAT-2", key: p.key, params: { externalId: "PAT-2" } });
    expect(twice.status).toBe(200);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.tenantId, p.tenantId), eq(auditLog.action, "patient.deactivated")))).toHaveLength(1);
    expect(await json(await getOne("PAT-2"))).toMatchObject({ active: false });

    // Sending the patient again brings them back.
    expect(await json(await put({ patients: [apiPatient(2)] }))).toMatchObject({ updated: 1 });
    expect(await json(await getOne("PAT-2"))).toMatchObject({ active: true });
  });

  it("reads and deactivates a patient whose id contains a percent sign, taking the path parameter as Next.js decoded it", async () => {
    expect(await json(await put({ patients: [apiPatient(30, { externalId: "100%" }), apiPatient(31, { externalId: "A%20B" }), apiPatient(32, { externalId: "A B" })] }))).toMatchObject({ created: 3 });

    const percent = await getOne("100%");
    expect(percent.status).toBe(200);
    expect(await json(percent)).toMatchObject({ externalId: "100%", lastName: "García30" });
    expect(await json(await getOne("A%20B"))).toMatchObject({ externalId: "A%20B", lastName: "García31" });

    const del = await call(deletePatientRoute, { method: "DELETE", path: "/api/v1/patients/100%25", key: p.key, params: { externalId: "100%" } });
    expect([del.status, (await json(del)).active]).toEqual([200, false]);
  });

  it("answers 404 problem+json for an unknown patient", async () => {
    const res = await getOne("NOPE");
    expect([res.status, res.headers.get("content-type"), (await json(res)).code]).toEqual([404, "application/problem+json", "not_found"]);
    const del = await call(deletePatientRoute, { method: "DELETE", path: "/api/v1/patients/NOPE", key: p.key, params: { externalId: "NOPE" } });
    expect(del.status).toBe(404);
  });
});

describe("authentication and rate limiting", () => {
  it("answers 401 without a key or with an unknown one, and 403 for a revoked one", async () => {
    const none = await getOne("PAT-1", "");
    expect([none.status, (await json(none)).code, none.headers.get("www-authenticate")]).toEqual([401, "missing_api_key", 'Bearer realm="chairside"']);
    const wrong = await getOne("PAT-1", "cs_live_" + "A".repeat(43));
    expect([wrong.status, (await json(wrong)).code]).toEqual([401, "invalid_api_key"]);
    const junk = await getOne("PAT-1", "hello");
    expect([junk.status, (await json(junk)).code]).toEqual([401, "invalid_api_key"]);

    const other = await practiceWithKey(db);
    expect(await revokeApiKey(db, { tenantId: other.tenantId, actorUserId: other.ownerId }, other.keyId)).toBe(true);
    const revoked = await put({ patients: [apiPatient(99)] }, other.key);
    expect([revoked.status, (await json(revoked)).code]).toEqual([403, "api_key_revoked"]);
    expect(await rowsOf(other.tenantId)).toEqual([]);
  });

  it("answers 429 with Retry-After once the key's window is full, and other keys are unaffected", async () => {
    const q = await practiceWithKey(db);
    const rule = apiKeyRateRule(q.keyId);
    for (let i = 0; i < rule.limit; i++) await consumeRateLimit(db, rule);
    const res = await call(putPatients, { method: "PUT", path: "/api/v1/patients", key: q.key, body: { patients: [apiPatient(1)] } });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await json(res)).code).toBe("rate_limited");
    expect(await rowsOf(q.tenantId)).toEqual([]);
    expect((await getOne("PAT-1")).status).toBe(200);
  });

  it("keeps working for a suspended practice, so its practice software can still sync", async () => {
    const q = await practiceWithKey(db);
    const { tenants } = await import("@/db/schema");
    await db.update(tenants).set({ status: "suspended", suspendedAt: new Date(), suspendedReason: "test" }).where(eq(tenants.id, q.tenantId));
    const res = await put({ patients: [apiPatient(1)] }, q.key);
    expect(res.status).toBe(200);
    expect((await rowsOf(q.tenantId)).map((r) => r.externalId)).toEqual(["PAT-1"]);
  });

  it("records when a key was last used", async () => {
    const q = await practiceWithKey(db);
    await getOne("PAT-1", q.key);
    const { apiKeys } = await import("@/db/schema");
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, q.keyId));
    expect(row!.lastUsedAt).not.toBeNull();
  });

  it("answers 404 problem+json for a path the API doesn't have", async () => {
    const { GET: unknown } = await import("@/app/api/v1/[...path]/route");
    const res = await unknown();
    expect([res.status, res.headers.get("content-type"), (await json(res)).code]).toEqual([404, "application/problem+json", "not_found"]);
  });

  it("is not served on a practice's portal host", async () => {
    const res = await call(getPatientRoute, { method: "GET", path: "/api/v1/patients/PAT-1", key: p.key, headers: { host: "bright-smiles.localhost:3000" }, params: { externalId: "PAT-1" } });
    expect(res.status).toBe(404);
  });
});
