// GET, DELETE /api/v1/patients/{externalId} — read or deactivate one patient (sync API)
import { deletePatient, getPatient, refuseMethod } from "@/lib/sync-api/routes";

export const dynamic = "force-dynamic";
export const GET = getPatient;
export const DELETE = deletePatient;
export const PUT = refuseMethod(["GET", "DELETE"]);
export const POST = refuseMethod(["GET", "DELETE"]);
export const PATCH = refuseMethod(["GET", "DELETE"]);
