// Test plumbing for Stripe webhooks: a local HTTP server that hands the fake's deliveries to our
// route handlers' POST, and signed requests built by hand for events the fake can't date.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

export type RouteHandler = (req: Request) => Promise<Response>;

export interface RouteServer {
  url: string;
  /** Answers 503 without calling the route while true: a webhook outage. */
  down: boolean;
  close(): Promise<void>;
}

/** Serves `handler` over HTTP so the Stripe fake can deliver to it, passing the raw body and headers through untouched. */
export async function serveRoute(handler: RouteHandler): Promise<RouteServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      if (routeServer.down) return void res.writeHead(503).end("down");
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const response = await handler(new Request(`http://localhost:3000${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.writeHead(response.status, { "Content-Type": response.headers.get("content-type") ?? "text/plain" }).end(await response.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const routeServer: RouteServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    down: false,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return routeServer;
}

/** A webhook POST as Stripe sends it: this exact body, signed with `secret` (omit it for no signature). */
export function webhookRequest(payload: string, secret?: string, path = "/api/webhooks/stripe/connect"): Request {
  const headers: Record<string, string> = { "Content-Type": "application/json; charset=utf-8" };
  if (secret) headers["Stripe-Signature"] = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return new Request(`http://localhost:3000${path}`, { method: "POST", headers, body: payload });
}

/** A Stripe-shaped event on a connected account with a chosen `created` time (seconds). */
export function connectEvent(type: string, object: { id: string }, opts: { account: string; created: number; id?: string }): Stripe.Event {
  return {
    id: opts.id ?? `evt_1${randomBytes(12).toString("hex")}`,
    object: "event",
    api_version: Stripe.API_VERSION,
    account: opts.account,
    created: opts.created,
    data: { object: structuredClone(object) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  } as unknown as Stripe.Event;
}

/** Now, in Stripe's one-second event time. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);
