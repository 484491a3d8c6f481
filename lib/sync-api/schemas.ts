import { z } from "zod";

// The sync API's wire shapes. Handlers validate with these and lib/sync-api/openapi.ts turns the very same
// objects into the OpenAPI document, so the documentation can't drift from what the endpoints accept.

export const MAX_PATIENTS_PER_REQUEST = 1000;
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;

const isoDate = z.iso.date({ error: "Use a date like 1985-03-14 (YYYY-MM-DD)." });
const nullableText = (max: number) => z.string().max(max, `Use at most ${max} characters.`).nullish();

/** One patient as the practice-management system sends it; lib/patients/patient-record.ts then applies the CSV import's rules. */
export const apiPatientInput = z
  .strictObject({
    externalId: z.string().min(1).max(64).describe("The patient's id in your practice software (PatNum, chart number…). Unique per practice."),
    firstName: z.string().min(1).max(100),
    lastName: z.string().min(1).max(100),
    preferredName: nullableText(100),
    birthdate: isoDate.describe("YYYY-MM-DD; not in the future, not before 1900."),
    email: z.email({ error: "Enter a valid email address." }).max(254).nullish(),
    phone: z.string().max(32).nullish().describe("Any format with area code; stored as E.164."),
    clinic: nullableText(100).describe("The clinic's URL part (slug) or name. Leave out when the practice has one clinic."),
    balanceCents: z
      .int({ error: "The balance must be whole cents (an integer)." })
      .min(-100_000_000)
      .max(100_000_000)
      .describe("What the patient owes, in integer cents (negative = credit)."),
    balanceAsOf: z.iso.datetime({ offset: true, error: "Use an ISO 8601 date-time like 2026-11-27T09:00:00Z." }).nullish().describe("When the balance was computed; defaults to now."),
    statementDate: isoDate.nullish().describe("Date of the last statement sent, YYYY-MM-DD."),
  });

export const putPatientsBody = z
  .strictObject({
    patients: z.array(apiPatientInput).min(1).max(MAX_PATIENTS_PER_REQUEST, `Send at most ${MAX_PATIENTS_PER_REQUEST} patients per request.`),
  });

export const patientUpsertResult = z
  .object({
    index: z.int().min(0),
    externalId: z.string(),
    status: z.enum(["created", "updated", "unchanged"]),
  });

export const putPatientsResponse = z
  .object({
    created: z.int().min(0),
    updated: z.int().min(0),
    unchanged: z.int().min(0),
    results: z.array(patientUpsertResult),
  });

export const apiPatient = z
  .object({
    externalId: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    preferredName: z.string().nullable(),
    birthdate: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    clinic: z.string().nullable().describe("The clinic's slug."),
    balanceCents: z.int(),
    balanceAsOf: z.string().nullable(),
    statementDate: z.string().nullable(),
    active: z.boolean().describe("false after DELETE; the patient's payments are kept."),
    createdAt: z.string(),
    updatedAt: z.string(),
  });

export const externalIdParam = z.string().min(1).max(64);

export const paymentsQuery = z
  .strictObject({
    after: z.string().max(200).optional().describe("The `nextCursor` of the previous page; leave out to start at the beginning."),
    limit: z.coerce.number<string>().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  });

export const apiPayment = z
  .object({
    id: z.uuid(),
    status: z.enum(["succeeded", "failed", "refunded", "partially_refunded"]),
    amountCents: z.int(),
    refundedCents: z.int(),
    currency: z.string(),
    feeCents: z.int().nullable().describe("The processor's fee when it reported one."),
    card: z.object({ brand: z.string().nullable(), last4: z.string().nullable() }),
    processor: z.enum(["stripe", "demo"]),
    processorPaymentId: z.string().nullable(),
    processorSessionId: z.string().nullable(),
    source: z.enum(["portal", "message_to_pay"]),
    paymentRequestId: z.uuid().nullable(),
    patientExternalId: z.string(),
    clinic: z.string().nullable().describe("The clinic's slug."),
    receiptNumber: z.string().nullable(),
    failureMessage: z.string().nullable(),
    succeededAt: z.string().nullable(),
    postedAt: z.string().nullable().describe("When the practice software acknowledged posting it."),
    createdAt: z.string(),
  });

export const paymentsPage = z
  .object({
    data: z.array(apiPayment),
    nextCursor: z.string().describe("Pass as `after` next time. Store it only after you have processed `data`."),
    hasMore: z.boolean(),
  });

export const problemDetails = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    code: z.string().describe("Stable machine-readable code, e.g. validation_failed."),
    errors: z.array(z.object({ pointer: z.string(), code: z.string(), message: z.string() })).optional(),
  });

export const postedResponse = z.object({ id: z.uuid(), postedAt: z.string() });

/** Every schema that becomes a component of the OpenAPI document, with whether it describes a request (input) or a response. */
export const COMPONENT_SCHEMAS = [
  { name: "PatientInput", schema: apiPatientInput, io: "input" },
  { name: "PutPatientsRequest", schema: putPatientsBody, io: "input" },
  { name: "PutPatientsResponse", schema: putPatientsResponse, io: "output" },
  { name: "PatientUpsertResult", schema: patientUpsertResult, io: "output" },
  { name: "Patient", schema: apiPatient, io: "output" },
  { name: "Payment", schema: apiPayment, io: "output" },
  { name: "PaymentsPage", schema: paymentsPage, io: "output" },
  { name: "PostedPayment", schema: postedResponse, io: "output" },
  { name: "Problem", schema: problemDetails, io: "output" },
] as const;
