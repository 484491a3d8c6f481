// PUT /api/v1/patients — bulk upsert of patients by external id (sync API)
import { putPatients, refuseMethod } from "@/lib/sync-api/routes";

export const dynamic = "force-dynamic";
export const PUT = putPatients;
export const GET = refuseMethod(["PUT"]);
export const POST = refuseMethod(["PUT"]);
export const PATCH = refuseMethod(["PUT"]);
export const DELETE = refuseMethod(["PUT"]);
