// GET /api/v1/openapi.json — the sync API's OpenAPI 3.1 document, generated from its zod schemas
import { getOpenApi } from "@/lib/sync-api/routes";

export const GET = getOpenApi;
