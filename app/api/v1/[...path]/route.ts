// /api/v1/* — any path the sync API doesn't have answers a problem+json 404
import { unknownPath } from "@/lib/sync-api/routes";

export const GET = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
