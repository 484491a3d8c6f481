import fs from "node:fs";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { openConnection, type Connection } from "@/db/client";
import { migrationsFolder, runMigrations } from "@/db/migrate";
import { tenants } from "@/db/schema";
import { uniqueDbName, urlForDatabase, withAdmin } from "../../support/postgres-admin";
import { startWsTcpPipe, type WsTcpPipe } from "../../support/ws-tcp-pipe";

// The Neon driver (POSTGRES_URL on Vercel) run for real: @neondatabase/serverless speaks Postgres
// over a WebSocket, so a local WebSocket→TCP pipe puts the Postgres server behind it.
// Both integration projects collect this file; it needs the server, and one run is enough.

describe("the Neon serverless driver", () => {
  // Its own database, so it starts unmigrated and does not depend on the per-file DATABASE_URL.
  const name = uniqueDbName("chairside_neon");
  let pipe: WsTcpPipe;
  let conn: Connection | undefined;
  let connClosed = false;

  function db() {
    if (!conn) throw new Error("the Neon connection did not open");
    return conn.db;
  }

  /** Looks at the database with a plain TCP client, bypassing the driver and the pipe. */
  async function direct<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: urlForDatabase(name) });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
    pipe = await startWsTcpPipe();
    conn = await openConnection({ kind: "neon", url: urlForDatabase(name), wsProxy: pipe.proxy });
    await runMigrations(conn);
  });

  afterAll(async () => {
    try {
      if (conn && !connClosed) await conn.close();
    } finally {
      await pipe?.close();
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
  });

  it("applies every committed migration through the WebSocket pipe", async () => {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
      entries: unknown[];
    };
    const applied = await direct((c) => c.query<{ n: number }>(`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`));
    expect(applied.rows[0]?.n).toBe(journal.entries.length);
    expect(pipe.stats.connections).toBeGreaterThan(0);
    expect(pipe.stats.bytesToTarget).toBeGreaterThan(0);
    expect(pipe.stats.bytesFromTarget).toBeGreaterThan(0);
  });

  it("stores a tenant that it and any other client read back", async () => {
    const sentBefore = pipe.stats.bytesToTarget;
    const receivedBefore = pipe.stats.bytesFromTarget;

    const [created] = await db().insert(tenants).values({ slug: "neon-check", name: "Neon Check" }).returning();
    const [read] = await db().select().from(tenants).where(eq(tenants.id, created!.id));

    expect(read?.name).toBe("Neon Check");
    expect(read?.maxPaymentCents).toBe(500_000);
    expect(read?.createdAt).toBeInstanceOf(Date);
    const seen = await direct((c) => c.query<{ name: string }>(`SELECT name FROM tenants WHERE slug = 'neon-check'`));
    expect(seen.rows).toEqual([{ name: "Neon Check" }]);
    // These queries travelled through the pipe, not some other route to the server.
    expect(pipe.stats.bytesToTarget).toBeGreaterThan(sentBefore);
    expect(pipe.stats.bytesFromTarget).toBeGreaterThan(receivedBefore);
  });

  it("leaves nothing behind when a transaction fails", async () => {
    await expect(
      db().transaction(async (tx) => {
        await tx.insert(tenants).values({ slug: "neon-rolled-back", name: "Rolled Back" });
        await tx.insert(tenants).values({ slug: "neon-rolled-back", name: "Duplicate" });
      }),
    ).rejects.toThrow();

    expect(await db().select().from(tenants).where(eq(tenants.slug, "neon-rolled-back"))).toEqual([]);
    const seen = await direct((c) => c.query(`SELECT 1 FROM tenants WHERE slug = 'neon-rolled-back'`));
    expect(seen.rowCount).toBe(0);
  });

  it("runs concurrent queries on separate pooled connections", async () => {
    const slugs = ["neon-a", "neon-b", "neon-c", "neon-d"];
    await Promise.all(slugs.map((slug) => db().insert(tenants).values({ slug, name: slug.toUpperCase() })));

    // Each read holds its connection for a moment, so the pool must run them side by side.
    const reads = await Promise.all(
      slugs.map((slug) =>
        db()
          .select({ name: tenants.name, backend: sql<number>`pg_backend_pid()`, pause: sql`pg_sleep(0.2)` })
          .from(tenants)
          .where(eq(tenants.slug, slug)),
      ),
    );

    expect(reads.map((rows) => rows.map((r) => r.name))).toEqual(slugs.map((s) => [s.toUpperCase()]));
    expect(new Set(reads.map((rows) => rows[0]?.backend)).size).toBe(slugs.length);
    expect(pipe.stats.open).toBeGreaterThanOrEqual(slugs.length);
    const stored = await db().select({ slug: tenants.slug }).from(tenants).where(inArray(tenants.slug, slugs));
    expect(stored.map((r) => r.slug).sort()).toEqual(slugs);
  });

  it("is only a pipe to this machine: other targets and paths are refused", async () => {
    async function statusFor(pathAndQuery: string): Promise<number> {
      const ws = new WebSocket(`ws://127.0.0.1:${pipe.port}${pathAndQuery}`);
      return new Promise((resolve, reject) => {
        ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        ws.once("open", () => {
          ws.close();
          reject(new Error(`the pipe accepted ${pathAndQuery}`));
        });
        ws.once("error", reject);
      });
    }
    const refusedBefore = pipe.stats.refused;

    expect(await statusFor("/v1?address=10.0.0.1:5432")).toBe(403);
    expect(await statusFor("/v1?address=example.com:5432")).toBe(403);
    expect(await statusFor("/v1")).toBe(403);
    expect(await statusFor("/v2?address=127.0.0.1:5432")).toBe(404);
    expect(pipe.stats.refused).toBe(refusedBefore + 4);
  });

  it("closes every WebSocket and server session when the pool is closed", async () => {
    expect(pipe.stats.open).toBeGreaterThan(0);

    await conn!.close();
    connClosed = true;

    await vi.waitFor(() => expect(pipe.stats.open).toBe(0), { timeout: 5_000 });
    await vi.waitFor(
      async () => {
        const sessions = await direct((c) =>
          c.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`),
        );
        expect(sessions.rowCount).toBe(0);
      },
      { timeout: 5_000 },
    );
  });
});
