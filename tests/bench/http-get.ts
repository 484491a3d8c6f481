import http from "node:http";

// Patient pages are told apart by the Host header (bright-smiles.localhost:<port>). Node does not
// resolve *.localhost the way browsers do, so we always connect to loopback and send Host ourselves.

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One GET to the local server with the given Host; redirects are returned, not followed. */
export function httpGet(port: number, host: string, path: string, timeoutMs = 15_000): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path, method: "GET", headers: { host, "accept-encoding": "identity" }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`GET http://${host}${path} timed out after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}

export const isOk = (status: number) => status >= 200 && status < 300;
