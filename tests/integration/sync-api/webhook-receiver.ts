// A local HTTP endpoint standing in for a practice's webhook receiver: records raw bodies and headers, and
// answers with whatever status the test sets.
import http from "node:http";
import { listenLocally, readBody } from "../../fakes/local-server";

export interface Received {
  body: string;
  headers: http.IncomingHttpHeaders;
}

export interface Receiver {
  url: string;
  received: Received[];
  status: number;
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1 at a free port. */
export async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: "", received: [], status: 200, close: async () => {} };
  const server = http.createServer((req, res) => {
    void readBody(req).then((body) => {
      receiver.received.push({ body, headers: req.headers });
      res.writeHead(receiver.status).end("ok");
    });
  });
  const listening = await listenLocally(server);
  receiver.url = `${listening.url}/chairside-hook`;
  receiver.close = listening.close;
  return receiver;
}
