import { z } from "zod";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_PATIENTS_PER_REQUEST, apiPatient, apiPatientInput, apiPayment, patientUpsertResult, paymentsPage, paymentsQuery, postedResponse, problemDetails, putPatientsBody, putPatientsResponse } from "./schemas";
import { PROBLEM_STATUS, type ProblemCode } from "./problem";
import { MAX_BODY_BYTES } from "./read-json-body";
import { RATE_LIMIT } from "./rate-limit";

// The OpenAPI 3.1 document, built from the zod schemas the handlers validate with (lib/sync-api/schemas.ts).

type JsonObject = Record<string, unknown>;

const REF = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function componentSchemas(io: "input" | "output", entries: [string, z.ZodType][]): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of entries) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", io, uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, JsonObject> };
  // $schema/$id are implied inside an OpenAPI 3.1 document.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const rest = { ...schema };
      delete rest.$schema;
      delete rest.$id;
      return [id, rest];
    }),
  );
}

const ERROR_CODES: { code: ProblemCode; when: string }[] = [
  { code: "missing_api_key", when: "No `Authorization: Bearer <key>` header." },
  { code: "invalid_api_key", when: "The key is not one of ours." },
  { code: "api_key_revoked", when: "The key was revoked in the dashboard." },
  { code: "not_found", when: "No such patient or payment in your practice (other practices' records are never visible)." },
  { code: "method_not_allowed", when: "The path doesn't answer this method; see the Allow header." },
  { code: "invalid_json", when: "The body is not valid JSON." },
  { code: "payment_not_postable", when: "The payment never succeeded (failed payments can't be posted)." },
  { code: "payload_too_large", when: `The body is larger than ${MAX_BODY_BYTES / 1_000_000} MB.` },
  { code: "unsupported_media_type", when: "The body is not `application/json`." },
  { code: "validation_failed", when: "Some fields are invalid; `errors` lists every one with a JSON pointer. Nothing was written." },
  { code: "rate_limited", when: `More than ${RATE_LIMIT.limit} requests in ${RATE_LIMIT.windowSeconds} s with one key; wait Retry-After seconds.` },
];

/** Every error code with its status and when it happens (also rendered on the dashboard's reference page). */
export const API_ERROR_CODES = ERROR_CODES.map((e) => ({ ...e, status: PROBLEM_STATUS[e.code].status, title: PROBLEM_STATUS[e.code].title }));

function problemResponse(description: string) {
  return { description, content: { "application/problem+json": { schema: REF("Problem") } } };
}

function errors(...codes: ProblemCode[]): Record<string, unknown> {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of ["missing_api_key", "api_key_revoked", "rate_limited", ...codes] as ProblemCode[]) {
    const status = PROBLEM_STATUS[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, unknown> = {};
  for (const [status, list] of byStatus) {
    const withAuth = status === 401 ? ["missing_api_key", "invalid_api_key"] : list;
    const resp: JsonObject = problemResponse(`\`${[...new Set(withAuth)].join("`, `")}\``);
    if (status === 429) resp.headers = { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } };
    out[String(status)] = resp;
  }
  return out;
}

const json = (name: string, description: string) => ({ description, content: { "application/json": { schema: REF(name) } } });
const externalId = { name: "externalId", in: "path", required: true, description: "The patient's id in your practice software.", schema: { type: "string", minLength: 1, maxLength: 64 } };

/** The whole OpenAPI 3.1 document; `serverUrl` is the site's root URL. */
export function buildOpenApiDocument(serverUrl: string): JsonObject {
  const inputs = componentSchemas("input", [
    ["PatientInput", apiPatientInput],
    ["PutPatientsRequest", putPatientsBody],
    ["PaymentsQuery", paymentsQuery],
  ]);
  const outputs = componentSchemas("output", [
    ["PatientUpsertResult", patientUpsertResult],
    ["PutPatientsResponse", putPatientsResponse],
    ["Patient", apiPatient],
    ["Payment", apiPayment],
    ["PaymentsPage", paymentsPage],
    ["PostedPayment", postedResponse],
    ["Problem", problemDetails],
  ]);
  const query = inputs.PaymentsQuery as { properties: Record<string, JsonObject> };
  return {
    openapi: "3.1.0",
    info: {
      title: "Chairside sync API",
      version: "1.0.0",
      description: [
        "Keep patient balances current from your practice-management system and post portal payments back without retyping.",
        "Authenticate with `Authorization: Bearer <key>` (create keys in the dashboard under API). A key only sees its own practice.",
        "Errors are `application/problem+json` (RFC 9457) with a stable `code`. A request that fails with a 4xx changed nothing.",
        "Suspended practices keep full API access so their practice software can still sync.",
      ].join("\n\n"),
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    paths: {
      "/api/v1/patients": {
        put: {
          operationId: "upsertPatients",
          summary: `Create or update up to ${MAX_PATIENTS_PER_REQUEST} patients by external id`,
          description:
            "All or nothing: if any patient is invalid the answer is 422 listing every bad field and nothing is written. Sending the same body twice changes nothing (every result is `unchanged`). A patient sent again is active again.",
          requestBody: { required: true, content: { "application/json": { schema: REF("PutPatientsRequest") } } },
          responses: { "200": json("PutPatientsResponse", "Per-patient results, in request order."), ...errors("invalid_json", "payload_too_large", "unsupported_media_type", "validation_failed") },
        },
      },
      "/api/v1/patients/{externalId}": {
        parameters: [externalId],
        get: { operationId: "getPatient", summary: "Read one patient (inactive ones too)", responses: { "200": json("Patient", "The patient."), ...errors("not_found") } },
        delete: {
          operationId: "deactivatePatient",
          summary: "Deactivate a patient",
          description: "The patient can no longer pay on the portal; their payments and history are kept. Idempotent. PUT them again to reactivate.",
          responses: { "200": json("Patient", "The patient, now inactive."), ...errors("not_found") },
        },
      },
      "/api/v1/payments": {
        get: {
          operationId: "listPayments",
          summary: "Payments that succeeded, failed or were refunded, oldest change first",
          description:
            "The feed lists *changes*: a payment appears when it succeeds or fails, and again (at a new position, with its new state) when it is refunded in full or in part. " +
            "Page with the opaque `nextCursor`; a client that stores the cursor after processing each page never misses or repeats a change, even while payments arrive.",
          parameters: [
            { name: "after", in: "query", required: false, description: query.properties.after!.description, schema: { type: "string", maxLength: 200 } },
            { name: "limit", in: "query", required: false, description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`, schema: query.properties.limit },
          ],
          responses: { "200": json("PaymentsPage", "One page of the feed."), ...errors("validation_failed") },
        },
      },
      "/api/v1/payments/{id}/posted": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        post: {
          operationId: "markPaymentPosted",
          summary: "Acknowledge that your practice software posted the payment",
          description: "Idempotent: posting twice keeps the first time. The dashboard shows the payment as posted.",
          responses: { "200": json("PostedPayment", "The payment is posted."), ...errors("not_found", "payment_not_postable") },
        },
      },
      "/api/v1/openapi.json": {
        get: { operationId: "getOpenApiDocument", summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.1 document.", content: { "application/json": {} } } } },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "A key like `cs_live_…` created by an owner in the dashboard." } },
      schemas: { ...inputs, ...outputs },
    },
  };
}
