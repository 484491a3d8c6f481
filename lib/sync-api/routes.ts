import { deactivatePatient } from "./deactivate-patient";
import { apiRoute, isRootHostRequest } from "./handle-request";
import { listPaymentsPage } from "./list-payments";
import { buildOpenApiDocument } from "./openapi";
import { findApiPatient } from "./patient-view";
import { postPayment } from "./post-payment";
import { apiJson, methodNotAllowed, problem } from "./problem";
import { pushPatients } from "./push-patients";
import { readJsonBody } from "./read-json-body";
import { externalIdParam } from "./schemas";

// The handlers behind app/api/v1/**: each route file re-exports one of these, so routes stay one line.

const patientNotFound = (externalId: string) => problem("not_found", `No patient with externalId ${JSON.stringify(externalId)} in your practice.`);

/** PUT /api/v1/patients */
export const putPatients = apiRoute(async ({ db, caller, req }) => {
  const body = await readJsonBody(req);
  if (!body.ok) return body.response;
  const pushed = await pushPatients(db, caller.tenant.id, body.body);
  if (!pushed.ok) return problem("validation_failed", `${pushed.errors.length} problem(s) in the request; nothing was saved.`, { errors: pushed.errors });
  return apiJson(pushed.result);
});

// Next.js hands route handlers path params already percent-decoded (a malformed escape never reaches us): decoding
// again would turn an id with a literal "%" into a 500 and "A%20B" into another patient's "A B".

/** GET /api/v1/patients/{externalId} */
export const getPatient = apiRoute<{ externalId: string }>(async ({ db, caller }, { externalId }) => {
  const id = externalIdParam.safeParse(externalId);
  const patient = id.success ? await findApiPatient(db, caller.tenant.id, id.data) : null;
  return patient ? apiJson(patient) : patientNotFound(externalId);
});

/** DELETE /api/v1/patients/{externalId} */
export const deletePatient = apiRoute<{ externalId: string }>(async ({ db, caller }, { externalId }) => {
  const id = externalIdParam.safeParse(externalId);
  const patient = id.success ? await deactivatePatient(db, caller.tenant.id, id.data) : null;
  return patient ? apiJson(patient) : patientNotFound(externalId);
});

/** GET /api/v1/payments */
export const getPayments = apiRoute(async ({ db, caller, req }) => {
  const listed = await listPaymentsPage(db, caller.tenant.id, new URL(req.url));
  if (!listed.ok) return problem("validation_failed", "The query is invalid.", { errors: listed.errors });
  return apiJson(listed.page);
});

/** POST /api/v1/payments/{id}/posted */
export const postPaymentPosted = apiRoute<{ id: string }>(async ({ db, caller }, { id }) => {
  const outcome = await postPayment(db, caller.tenant.id, id);
  if (outcome.ok) return apiJson({ id: outcome.id, postedAt: outcome.postedAt });
  return outcome.code === "not_found"
    ? problem("not_found", "No such payment in your practice.")
    : problem("payment_not_postable", "Only a payment that succeeded can be posted.");
});

/** GET /api/v1/openapi.json — public, like any API reference. */
export async function getOpenApi(req: Request): Promise<Response> {
  if (!isRootHostRequest(req)) return problem("not_found", "There is no API on this host.");
  const origin = new URL(req.url).origin;
  return Response.json(buildOpenApiDocument(origin), { headers: { "cache-control": "public, max-age=300" } });
}

/** Any other /api/v1 path. */
export async function unknownPath(): Promise<Response> {
  return problem("not_found", "There is no such API endpoint. See /api/v1/openapi.json.");
}

/** A 405 handler for methods a path doesn't answer. */
export function refuseMethod(allowed: string[]) {
  return async () => methodNotAllowed(allowed);
}
