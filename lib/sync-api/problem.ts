// RFC 9457 problem details: every error of the sync API has this shape and a stable `code` clients can switch on.

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export type ProblemCode =
  | "missing_api_key"
  | "invalid_api_key"
  | "api_key_revoked"
  | "not_found"
  | "method_not_allowed"
  | "payload_too_large"
  | "unsupported_media_type"
  | "invalid_json"
  | "validation_failed"
  | "payment_not_postable"
  | "rate_limited"
  | "internal_error";

/** One bad field: `pointer` is a JSON pointer into the request (`/patients/3/birthdate`) or a query parameter (`?limit`). */
export interface ProblemItem {
  pointer: string;
  code: string;
  message: string;
}

export const PROBLEM_STATUS: Record<ProblemCode, { status: number; title: string }> = {
  missing_api_key: { status: 401, title: "Missing API key" },
  invalid_api_key: { status: 401, title: "Unknown API key" },
  api_key_revoked: { status: 403, title: "API key revoked" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  payment_not_postable: { status: 409, title: "Payment can't be posted" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  invalid_json: { status: 400, title: "Malformed JSON" },
  validation_failed: { status: 422, title: "Validation failed" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal_error: { status: 500, title: "Internal error" },
};

/** A problem+json response with the code's status and title; `headers` for Retry-After, WWW-Authenticate, Allow. */
export function problem(code: ProblemCode, detail: string, opts: { errors?: ProblemItem[]; headers?: Record<string, string> } = {}): Response {
  const { status, title } = PROBLEM_STATUS[code];
  const body = { type: `https://chairside.app/docs/api/errors#${code}`, title, status, detail, code, ...(opts.errors ? { errors: opts.errors } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "cache-control": "no-store", ...opts.headers },
  });
}

/** A 405 naming the methods the path does answer. */
export function methodNotAllowed(allowed: string[]): Response {
  return problem("method_not_allowed", `This path answers ${allowed.join(", ")}.`, { headers: { allow: allowed.join(", ") } });
}

/** A JSON success response that no cache keeps. */
export function apiJson(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { "cache-control": "no-store" } });
}
