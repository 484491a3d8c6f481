import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { PUT as putPatients } from "@/app/api/v1/patients/route";
import { GET as listRoute } from "@/app/api/v1/payments/route";
import { getDb, type Database } from "@/db/client";
import { apiPatient as apiPatientSchema, apiPatientInput, apiPayment, paymentsPage, paymentsQuery, postedResponse, problemDetails, putPatientsBody, putPatientsResponse } from "@/lib/sync-api/schemas";
import { checkJsonSchema } from "./json-schema-check";
import { apiPatient, call, insertPatient, insertPayment, json, practiceWithKey, type KeyedPractice } from "./sync-setup";

type Doc = Record<string, unknown> & { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, Record<string, unknown>> } };

let doc: Doc;
let db: Database;
let p: KeyedPractice;
beforeAll(async () => {
  const res = await openApiRoute(new Request("http://localhost:3000/api/v1/openapi.json"));
  expect(res.status).toBe(200);
  doc = (await res.json()) as Doc;
  db = await getDb();
  p = await practiceWithKey(db);
});

const patient = apiPatient(1, { clinic: null, preferredName: "Mari", balanceAsOf: "2026-11-26T08:00:00Z" });
const payment = {
  id: "7f8c5a52-4a55-4d3b-9d1b-3b1f8f2c9a10",
  status: "succeeded",
  amountCents: 2500,
  refundedCents: 0,
  currency: "usd",
  feeCents: null,
  card: { brand: "visa", last4: "4242" },
  processor: "demo",
  processorPaymentId: "demo_pi_1",
  processorSessionId: null,
  source: "portal",
  paymentRequestId: null,
  patientExternalId: "PAT-1",
  clinic: "main",
  receiptNumber: "R-1",
  failureMessage: null,
  succeededAt: "2026-11-27T10:00:00.000Z",
  postedAt: null,
  createdAt: "2026-11-27T10:00:00.000Z",
};
const storedPatient = { ...patient, preferredName: "Mari", phone: "+15550102030", clinic: "main", active: true, createdAt: "2026-11-27T10:00:00.000Z", updatedAt: "2026-11-27T10:00:00.000Z" };

// For every component: one example the zod schema accepts and one it refuses; the document must agree on both.
const EXAMPLES = [
  { name: "PatientInput", zod: apiPatientInput, valid: patient, invalid: { ...patient, birthdate: "14/03/1985" } },
  { name: "PatientInput", zod: apiPatientInput, valid: { ...patient, email: null }, invalid: { ...patient, balanceCents: 10.5 } },
  { name: "PatientInput", zod: apiPatientInput, valid: patient, invalid: { ...patient, shoeSize: 9 } },
  { name: "PutPatientsRequest", zod: putPatientsBody, valid: { patients: [patient] }, invalid: { patients: Array.from({ length: 1001 }, () => patient) } },
  { name: "PutPatientsRequest", zod: putPatientsBody, valid: { patients: [patient] }, invalid: { patients: [] } },
  { name: "PaymentsQuery", zod: paymentsQuery, valid: { after: "djE6MA", limit: 50 }, invalid: { limit: 0 } },
  { name: "PutPatientsResponse", zod: putPatientsResponse, valid: { created: 1, updated: 0, unchanged: 0, results: [{ index: 0, externalId: "A", status: "created" }] }, invalid: { created: 1, updated: 0, unchanged: 0, results: [{ index: 0, externalId: "A", status: "deleted" }] } },
  { name: "Patient", zod: apiPatientSchema, valid: storedPatient, invalid: { ...storedPatient, active: "yes" } },
  { name: "Payment", zod: apiPayment, valid: payment, invalid: { ...payment, status: "pending" } },
  { name: "PaymentsPage", zod: paymentsPage, valid: { data: [payment], nextCursor: "x", hasMore: false }, invalid: { data: [payment] } },
  { name: "PostedPayment", zod: postedResponse, valid: { id: payment.id, postedAt: payment.createdAt }, invalid: { id: payment.id } },
  { name: "Problem", zod: problemDetails, valid: { type: "t", title: "t", status: 422, detail: "d", code: "validation_failed", errors: [{ pointer: "/a", code: "c", message: "m" }] }, invalid: { type: "t", title: "t", status: "422", detail: "d", code: "x" } },
] as const;

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(["/api/v1/openapi.json", "/api/v1/patients", "/api/v1/patients/{externalId}", "/api/v1/payments", "/api/v1/payments/{id}/posted"]);
  });

  it.each(EXAMPLES.map((e, i) => [e.name, i] as const))("describes the same constraints as the zod schema for %s (example %i)", (name, i) => {
    const example = EXAMPLES[i]!;
    const schema = doc.components.schemas[name]!;
    expect(example.zod.safeParse(example.valid).success).toBe(true);
    expect(checkJsonSchema(schema, example.valid, doc)).toEqual([]);
    expect(example.zod.safeParse(example.invalid).success).toBe(false);
    expect(checkJsonSchema(schema, example.invalid, doc).length).toBeGreaterThan(0);
  });

  it("states the 1,000-patient limit and the required fields", () => {
    const req = doc.components.schemas.PutPatientsRequest as { properties: { patients: { maxItems: number } } };
    expect(req.properties.patients.maxItems).toBe(1000);
    expect((doc.components.schemas.PatientInput as { required: string[] }).required.sort()).toEqual(["balanceCents", "birthdate", "externalId", "firstName", "lastName"]);
  });

  it("matches what the endpoints actually return", async () => {
    const put = await call(putPatients, { method: "PUT", path: "/api/v1/patients", key: p.key, body: { patients: [apiPatient(1)] } });
    expect(checkJsonSchema(doc.components.schemas.PutPatientsResponse!, await json(put), doc)).toEqual([]);
    const bad = await call(putPatients, { method: "PUT", path: "/api/v1/patients", key: p.key, body: { patients: [{ externalId: "" }] } });
    expect(bad.status).toBe(422);
    expect(checkJsonSchema(doc.components.schemas.Problem!, await json(bad), doc)).toEqual([]);
    const pt = await insertPatient(db, p.tenantId);
    await insertPayment(db, p.tenantId, pt.id);
    const page = await json(await call(listRoute, { method: "GET", path: "/api/v1/payments", key: p.key }));
    expect((page as { data: unknown[] }).data).toHaveLength(1);
    expect(checkJsonSchema(doc.components.schemas.PaymentsPage!, page, doc)).toEqual([]);
  });

  it("is not served on a practice's portal host", async () => {
    const res = await openApiRoute(new Request("http://localhost:3000/api/v1/openapi.json", { headers: { host: "bright-smiles.localhost:3000" } }));
    expect(res.status).toBe(404);
  });
});
