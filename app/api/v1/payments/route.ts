// GET /api/v1/payments — the payments feed, paged by an opaque cursor (sync API)
import { getPayments, refuseMethod } from "@/lib/sync-api/routes";

export const dynamic = "force-dynamic";
export const GET = getPayments;
export const POST = refuseMethod(["GET"]);
export const PUT = refuseMethod(["GET"]);
export const DELETE = refuseMethod(["GET"]);
