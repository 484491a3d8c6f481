// The HTTP plumbing the local service fakes share: listen on 127.0.0.1 (a free port unless one is asked for,
// so parallel test files never collide), close with keep-alive connections cut, read a request body whole.
import type { IncomingMessage, Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface LocalServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Resolves once `server` listens on 127.0.0.1:`port` (0 = any free port); rejects if the port is taken. */
export async function listenLocally(server: Server, port = 0): Promise<LocalServer> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    // The SDKs keep connections alive; without closing them close() would wait for their timeout.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The request's body as UTF-8 text. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
