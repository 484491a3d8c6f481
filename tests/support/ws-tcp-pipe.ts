import http from "node:http";
import net from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";

// A WebSocket→TCP byte pipe, so @neondatabase/serverless (which speaks Postgres over a
// WebSocket) can reach the plain local Postgres server in tests. It plays the part of
// Neon's wsproxy: `ws://127.0.0.1:<port>/v1?address=<host>:<port>`, binary frames both ways.

const PATH = "/v1";
const ALLOWED_HOSTS = new Set(["127.0.0.1", "localhost"]);

export interface WsTcpPipeStats {
  /** WebSocket connections accepted and piped to a TCP target. */
  connections: number;
  /** Pairs still open. */
  open: number;
  /** Upgrade requests refused (wrong path, bad or non-local target). */
  refused: number;
  bytesToTarget: number;
  bytesFromTarget: number;
}

export interface WsTcpPipe {
  port: number;
  /** What the Neon driver's wsProxy / NEON_WS_PROXY expects: `127.0.0.1:<port>/v1`. */
  proxy: string;
  stats: Readonly<WsTcpPipeStats>;
  /** Stops accepting, closes every open pair, and resolves once the server has shut down. */
  close(): Promise<void>;
}

function parseTarget(address: string | null): { host: string; port: number } | null {
  if (!address) return null;
  const colon = address.lastIndexOf(":");
  if (colon <= 0) return null;
  const host = address.slice(0, colon);
  const portText = address.slice(colon + 1);
  const port = Number(portText);
  if (!ALLOWED_HOSTS.has(host) || !/^\d{1,5}$/.test(portText) || port < 1 || port > 65_535) return null;
  return { host, port };
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

function refuse(socket: Duplex, status: number, reason: string) {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Starts a pipe on 127.0.0.1 (ephemeral port) that only forwards to local TCP targets. */
export async function startWsTcpPipe(): Promise<WsTcpPipe> {
  const stats: WsTcpPipeStats = { connections: 0, open: 0, refused: 0, bytesToTarget: 0, bytesFromTarget: 0 };
  const pairs = new Set<{ ws: WebSocket; tcp: net.Socket }>();
  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer((_req, res) => {
    res.writeHead(426, { Connection: "close" }).end();
  });

  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://pipe.invalid");
    const target = parseTarget(url.searchParams.get("address"));
    if (url.pathname !== PATH || !target) {
      stats.refused++;
      refuse(socket, url.pathname === PATH ? 403 : 404, url.pathname === PATH ? "Forbidden" : "Not Found");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => pipe(ws, target));
  });

  function pipe(ws: WebSocket, target: { host: string; port: number }) {
    // Writes made while the TCP socket is still connecting are queued by Node.
    const tcp = net.connect(target);
    const pair = { ws, tcp };
    pairs.add(pair);
    stats.connections++;
    stats.open++;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      pairs.delete(pair);
      stats.open--;
    };

    ws.on("message", (data) => {
      const chunk = toBuffer(data);
      stats.bytesToTarget += chunk.length;
      if (!tcp.write(chunk)) {
        ws.pause();
        tcp.once("drain", () => ws.resume());
      }
    });
    tcp.on("data", (chunk: Buffer) => {
      stats.bytesFromTarget += chunk.length;
      // One frame in flight at a time: the socket resumes once ws has handed it to the kernel.
      tcp.pause();
      ws.send(chunk, { binary: true }, (err) => {
        if (!err) tcp.resume();
      });
    });

    // Either side ending ends the other; errors tear both down.
    ws.on("close", () => {
      tcp.end();
      finish();
    });
    ws.on("error", () => tcp.destroy());
    tcp.on("end", () => ws.close(1000));
    tcp.on("error", () => ws.close(1011, "target connection failed"));
    tcp.on("close", () => {
      if (ws.readyState === ws.OPEN) ws.close(1000);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;

  return {
    port,
    proxy: `127.0.0.1:${port}${PATH}`,
    stats,
    async close() {
      for (const { ws, tcp } of pairs) {
        ws.terminate();
        tcp.destroy();
      }
      await new Promise<void>((resolve, reject) => {
        wss.close();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
