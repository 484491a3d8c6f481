// A local stand-in for Resend's sending API, so tests and e2e runs work offline.
// The real `resend` SDK talks to it (RESEND_BASE_URL, see lib/messaging/resend-client.ts).
// Errors use Resend's JSON shape ({ statusCode, name, message }), which the SDK returns as `error`.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { listenLocally, readBody } from "./local-server";

export interface SentEmail {
  id: string;
  from: string;
  /** Always a list, as Resend reports it, whichever form the request used. */
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  cc?: string | string[];
  bcc?: string | string[];
  reply_to?: string | string[];
  headers?: Record<string, string>;
  tags?: Array<{ name: string; value: string }>;
  idempotencyKey: string | null;
  /** true when it arrived through POST /emails/batch. */
  batch: boolean;
}

export interface RecordedResendRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or the raw text when it was not JSON. */
  body: unknown;
  /** The status the fake answered with. */
  status: number;
}

export interface ResendFake {
  url: string;
  port: number;
  /** Every email accepted, in order; an idempotent replay is not recorded twice. */
  emails: SentEmail[];
  requests: RecordedResendRequest[];
  /** The next n requests fail with `status` (default 500), whatever they are. */
  failNext(n: number, status?: number): void;
  /**
   * A delivery webhook about an email the fake accepted, as Resend sends it: the JSON body (tags echoed as an
   * object) and Svix signature headers made with `secret` (`whsec_…`, the endpoint's signing secret).
   */
  webhook(type: ResendWebhookType, emailId: string, secret: string): SignedResendWebhook;
  close(): Promise<void>;
}

export type ResendWebhookType = "email.sent" | "email.delivered" | "email.bounced" | "email.complained" | "email.delivery_delayed" | "email.opened";

export interface SignedResendWebhook {
  headers: Record<string, string>;
  body: string;
}

/** Svix headers for `body` signed with a `whsec_<base64>` secret, as Resend signs its webhooks. */
export function signResendWebhook(secret: string, body: string, at = new Date(), id = `msg_${randomBytes(12).toString("hex")}`): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return { "Content-Type": "application/json", "svix-id": id, "svix-timestamp": timestamp, "svix-signature": `v1,${signature}` };
}

interface ResendError {
  statusCode: number;
  name: string;
  message: string;
}

class ResendFailure extends Error {
  constructor(readonly body: ResendError) {
    super(body.message);
  }
}

const fail = (statusCode: number, name: string, message: string) => new ResendFailure({ statusCode, name, message });

// The error names Resend documents for each status.
const NAME_FOR_STATUS: Record<number, string> = {
  400: "validation_error",
  401: "missing_api_key",
  403: "invalid_api_key",
  404: "not_found",
  409: "concurrent_idempotent_requests",
  422: "validation_error",
  429: "rate_limit_exceeded",
  500: "internal_server_error",
};

const ADDRESS = /^[^\s<>@]+@[^\s<>@]+$/;
const FROM = /^(?:[^<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

/** Starts the fake on 127.0.0.1 and resolves once it is listening. */
export async function startResendFake(opts: { port?: number } = {}): Promise<ResendFake> {
  const emails: SentEmail[] = [];
  const requests: RecordedResendRequest[] = [];
  // Idempotency key → the payload it was first used with and the answer given, as Resend keeps them for 24 h.
  const idempotent = new Map<string, { payload: string; response: unknown }>();
  let failures: { remaining: number; status: number } = { remaining: 0, status: 500 };

  function accept(input: unknown, idempotencyKey: string | null, batch: boolean, index?: number): SentEmail {
    const where = index === undefined ? "" : ` (email ${index})`;
    if (!input || typeof input !== "object" || Array.isArray(input)) throw fail(422, "validation_error", `Each email must be an object${where}.`);
    const e = input as Record<string, unknown>;
    for (const field of ["from", "to", "subject"]) {
      if (e[field] === undefined || e[field] === null || e[field] === "") throw fail(422, "missing_required_field", `Missing \`${field}\` field${where}.`);
    }
    if (typeof e.from !== "string" || !FROM.test(e.from)) {
      throw fail(422, "invalid_from_address", `Invalid \`from\` field${where}. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`);
    }
    const to = Array.isArray(e.to) ? e.to : [e.to];
    if (to.length > 50 || !to.every((a): a is string => typeof a === "string" && ADDRESS.test(a))) {
      throw fail(422, "validation_error", `Invalid \`to\` field${where}. Give one address or a list of up to 50 addresses.`);
    }
    if (typeof e.subject !== "string") throw fail(422, "validation_error", `Invalid \`subject\` field${where}.`);
    if (typeof e.html !== "string" && typeof e.text !== "string" && !e.template) throw fail(422, "validation_error", `Missing \`html\` or \`text\` field${where}.`);
    return {
      id: randomUUID(),
      from: e.from,
      to,
      subject: e.subject,
      html: e.html as string | undefined,
      text: e.text as string | undefined,
      cc: e.cc as SentEmail["cc"],
      bcc: e.bcc as SentEmail["bcc"],
      reply_to: e.reply_to as SentEmail["reply_to"],
      headers: e.headers as SentEmail["headers"],
      tags: e.tags as SentEmail["tags"],
      idempotencyKey,
      batch,
    };
  }

  function route(method: string, path: string, body: unknown, idempotencyKey: string | null): unknown {
    if (path === "/emails" && method === "POST") {
      const email = accept(body, idempotencyKey, false);
      emails.push(email);
      return { id: email.id };
    }
    if (path === "/emails/batch" && method === "POST") {
      if (!Array.isArray(body) || body.length < 1 || body.length > 100) throw fail(422, "validation_error", "A batch must be a list of 1 to 100 emails.");
      // Strict validation (the SDK's default): one bad email refuses the whole batch.
      const accepted = body.map((item, i) => accept(item, idempotencyKey, true, i));
      emails.push(...accepted);
      return { data: accepted.map((e) => ({ id: e.id })) };
    }
    if (path === "/emails" || path === "/emails/batch") throw fail(405, "method_not_allowed", "Method is not allowed for the requested path.");
    throw fail(404, "not_found", "The requested endpoint does not exist.");
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const method = req.method ?? "GET";
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    let body: unknown = undefined;
    let validJson = true;
    try {
      if (raw !== "") body = JSON.parse(raw);
    } catch {
      [body, validJson] = [raw, false];
    }
    const record: RecordedResendRequest = { method, path, headers: req.headers, body, status: 0 };
    requests.push(record);
    const reply = (status: number, body: unknown) => {
      record.status = status;
      res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    };
    if (path === "/health") return reply(200, { ok: true });
    const idempotencyKey = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
    try {
      if (failures.remaining > 0) {
        failures.remaining -= 1;
        const status = failures.status;
        throw fail(status, NAME_FOR_STATUS[status] ?? "application_error", `Simulated failure (${status}) from the Resend fake.`);
      }
      if (!/^Bearer \S+$/.test(req.headers.authorization ?? "")) {
        throw fail(401, "missing_api_key", "Missing API key in the authorization header. Include the following header in the request: Authorization: Bearer YOUR_API_KEY");
      }
      if (!validJson) throw fail(400, "validation_error", "The request body is not valid JSON.");
      if (idempotencyKey !== null && (idempotencyKey.length < 1 || idempotencyKey.length > 256)) {
        throw fail(400, "invalid_idempotency_key", "The key must be between 1-256 chars.");
      }
      const replayKey = idempotencyKey === null ? null : `${path} ${idempotencyKey}`;
      const saved = replayKey ? idempotent.get(replayKey) : undefined;
      if (saved) {
        if (saved.payload !== raw) {
          throw fail(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload. Change your idempotency key or don't change your payload.");
        }
        return reply(200, saved.response);
      }
      const response = route(method, path, body, idempotencyKey);
      if (replayKey) idempotent.set(replayKey, { payload: raw, response });
      reply(200, response);
    } catch (err) {
      if (!(err instanceof ResendFailure)) throw err;
      reply(err.body.statusCode, err.body);
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error("Resend fake:", err);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" }).end(JSON.stringify({ statusCode: 500, name: "application_error", message: "The Resend fake crashed; see its log." }));
    });
  });
  // Like the real API's load balancer, keep idle connections longer than clients do: Node's 5 s default lets the
  // server close a socket the SDK's fetch is just reusing after a pause (a spurious network error).
  server.keepAliveTimeout = 65_000;
  const { url, port, close } = await listenLocally(server, opts.port);
  return {
    url,
    port,
    emails,
    requests,
    failNext(n, status = 500) {
      failures = { remaining: n, status };
    },
    webhook(type, emailId, secret) {
      const email = emails.find((e) => e.id === emailId);
      if (!email) throw new Error(`Resend fake: no email ${emailId}`);
      const now = new Date().toISOString();
      const data: Record<string, unknown> = {
        created_at: now,
        email_id: email.id,
        from: email.from,
        to: email.to,
        subject: email.subject,
        ...(email.tags ? { tags: Object.fromEntries(email.tags.map((t) => [t.name, t.value])) } : {}),
      };
      if (type === "email.bounced") data.bounce = { message: "The recipient's mailbox does not exist.", subType: "General", type: "Permanent" };
      const body = JSON.stringify({ type, created_at: now, data });
      return { headers: signResendWebhook(secret, body), body };
    },
    close,
  };
}
