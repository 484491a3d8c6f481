// POST /api/v1/payments/{id}/posted — the practice software posted this payment (sync API)
import { postPaymentPosted, refuseMethod } from "@/lib/sync-api/routes";

export const dynamic = "force-dynamic";
export const POST = postPaymentPosted;
export const GET = refuseMethod(["POST"]);
export const PUT = refuseMethod(["POST"]);
export const DELETE = refuseMethod(["POST"]);
