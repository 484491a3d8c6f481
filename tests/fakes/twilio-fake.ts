// A local stand-in for the part of Twilio's REST API that Chairside uses (sending texts), so tests run offline.
// The real `twilio` SDK talks to it (TWILIO_API_BASE, see lib/messaging/providers/twilio-client.ts): form-encoded
// POST /2010-04-01/Accounts/{AccountSid}/Messages.json with basic auth, answered with Twilio's JSON shapes.
// It can also play Twilio's side of webhooks: status callbacks and inbound texts, signed with X-Twilio-Signature.
import { randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import twilio from "twilio";
import { listenLocally, readBody } from "./local-server";

export interface FakeText {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
  status: string;
  numSegments: number;
}

export interface SignedTwilioRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface TwilioFake {
  url: string;
  port: number;
  accountSid: string;
  authToken: string;
  /** Every text accepted, in order. */
  messages: FakeText[];
  /** Every request to the API (method, path, status answered). */
  requests: { method: string; path: string; status: number }[];
  /** Numbers that texted STOP to our sender: sending to them fails with error 21610, as on Twilio. */
  optedOut: Set<string>;
  /** The next n sends fail with `status` (default 500) and Twilio error `code`. */
  failNext(n: number, status?: number, code?: number): void;
  /** Twilio's status callback for a sent text, signed for the URL it was registered with. */
  statusCallback(sid: string, status: "sent" | "delivered" | "undelivered" | "failed", opts?: { errorCode?: number }): SignedTwilioRequest;
  /** An inbound text to `url` (our inbound webhook), signed as Twilio signs it. */
  inbound(url: string, input: { from: string; body: string; to?: string }): SignedTwilioRequest;
  close(): Promise<void>;
}

const SMS_SEGMENT = 153;

/** Starts the fake on 127.0.0.1 for one account and resolves once it is listening. */
export async function startTwilioFake(opts: { port?: number; accountSid?: string; authToken?: string } = {}): Promise<TwilioFake> {
  const accountSid = opts.accountSid ?? `AC${randomBytes(16).toString("hex")}`;
  const authToken = opts.authToken ?? randomBytes(16).toString("hex");
  const messages: FakeText[] = [];
  const requests: TwilioFake["requests"] = [];
  const optedOut = new Set<string>();
  let failures = { remaining: 0, status: 500, code: 20500 };

  const sign = (url: string, params: Record<string, string>): SignedTwilioRequest => ({
    url,
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": twilio.getExpectedTwilioSignature(authToken, url, params) },
    body: new URLSearchParams(params).toString(),
  });

  function resource(m: FakeText) {
    const now = new Date().toUTCString().replace("GMT", "+0000");
    return {
      account_sid: accountSid,
      api_version: "2010-04-01",
      body: m.body,
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: "outbound-api",
      error_code: null,
      error_message: null,
      from: m.from,
      messaging_service_sid: m.messagingServiceSid,
      num_media: "0",
      num_segments: String(m.numSegments),
      price: null,
      price_unit: "USD",
      sid: m.sid,
      status: m.status,
      subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${m.sid}/Media.json` },
      to: m.to,
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${m.sid}.json`,
    };
  }

  const error = (res: ServerResponse, status: number, code: number, message: string) => {
    res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }));
    return status;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<number> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    if (path === "/health") return void res.writeHead(200).end("ok"), 200;
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
    if (!match) return error(res, 404, 20404, "The requested resource was not found");
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;
    if (req.headers.authorization !== expected || match[1] !== accountSid) return error(res, 401, 20003, "Authenticate");
    if (req.method !== "POST") return error(res, 405, 20004, "Method not allowed");
    if (failures.remaining > 0) {
      failures.remaining -= 1;
      return error(res, failures.status, failures.code, `Simulated failure (${failures.status}) from the Twilio fake.`);
    }
    const form = new URLSearchParams(raw);
    const to = form.get("To") ?? "";
    const body = form.get("Body") ?? "";
    const from = form.get("From");
    const service = form.get("MessagingServiceSid");
    if (!/^\+[1-9]\d{6,14}$/.test(to)) return error(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    if (!from && !service) return error(res, 400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message.");
    if (!body) return error(res, 400, 21602, "Message body is required.");
    if (optedOut.has(to)) return error(res, 400, 21610, "Attempt to send to unsubscribed recipient");
    const text: FakeText = {
      sid: `SM${randomBytes(16).toString("hex")}`,
      to,
      from,
      messagingServiceSid: service,
      body,
      statusCallback: form.get("StatusCallback"),
      status: "queued",
      numSegments: Math.max(1, Math.ceil(body.length / SMS_SEGMENT)),
    };
    messages.push(text);
    res.writeHead(201, { "Content-Type": "application/json" }).end(JSON.stringify(resource(text)));
    return 201;
  }

  const server = http.createServer((req, res) => {
    const entry = { method: req.method ?? "GET", path: new URL(req.url ?? "/", "http://fake").pathname, status: 0 };
    requests.push(entry);
    handle(req, res)
      .then((status) => (entry.status = status))
      .catch((err: unknown) => {
        console.error("Twilio fake:", err);
        if (!res.headersSent) error(res, 500, 20500, "The Twilio fake crashed; see its log.");
      });
  });
  const { url, port, close } = await listenLocally(server, opts.port);
  return {
    url,
    port,
    accountSid,
    authToken,
    messages,
    requests,
    optedOut,
    failNext(n, status = 500, code = status === 429 ? 20429 : 20500) {
      failures = { remaining: n, status, code };
    },
    statusCallback(sid, status, cbOpts = {}) {
      const m = messages.find((x) => x.sid === sid);
      if (!m?.statusCallback) throw new Error(`Twilio fake: no text ${sid} with a StatusCallback`);
      m.status = status;
      const params: Record<string, string> = {
        AccountSid: accountSid,
        ApiVersion: "2010-04-01",
        From: m.from ?? "",
        MessageSid: sid,
        MessageStatus: status,
        SmsSid: sid,
        SmsStatus: status,
        To: m.to,
        ...(cbOpts.errorCode ? { ErrorCode: String(cbOpts.errorCode) } : {}),
      };
      return sign(m.statusCallback, params);
    },
    inbound(url, input) {
      if (/^\s*(stop|stopall|unsubscribe|cancel|end|quit)\s*$/i.test(input.body)) optedOut.add(input.from);
      if (/^\s*(start|unstop|yes)\s*$/i.test(input.body)) optedOut.delete(input.from);
      return sign(url, {
        AccountSid: accountSid,
        ApiVersion: "2010-04-01",
        Body: input.body,
        From: input.from,
        MessageSid: `SM${randomBytes(16).toString("hex")}`,
        NumMedia: "0",
        NumSegments: "1",
        To: input.to ?? "+15005550006",
      });
    },
    close,
  };
}
