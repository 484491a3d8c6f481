import fs from "node:fs";
import path from "node:path";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { env, type Env } from "@/lib/env";
import { runMigrations } from "./migrate";
import { acquireDataDirLock } from "./pglite-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
/** One type for all three drivers: code above this file never knows which one runs. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Database | Transaction;

export type DriverConfig =
  | { kind: "pglite"; dir: string }
  | { kind: "node-postgres"; url: string }
  | { kind: "neon"; url: string; wsProxy?: string };

/** Chooses the driver from the environment: POSTGRES_URL (Neon) → DATABASE_URL (node-postgres) → embedded PGlite. */
export function driverConfig(e: Env = env()): DriverConfig {
  // Neon's Vercel integration sets DATABASE_URL too, so POSTGRES_URL must win.
  if (e.POSTGRES_URL) return { kind: "neon", url: e.POSTGRES_URL, wsProxy: e.NEON_WS_PROXY };
  if (e.DATABASE_URL) return { kind: "node-postgres", url: e.DATABASE_URL };
  return { kind: "pglite", dir: e.PGLITE_DIR };
}

export interface Connection {
  db: Database;
  config: DriverConfig;
  close(): Promise<void>;
}

async function openPglite(dir: string): Promise<Connection> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const inMemory = dir.startsWith("memory://");
  let release = () => {};
  if (!inMemory) {
    fs.mkdirSync(dir, { recursive: true });
    release = acquireDataDirLock(dir);
  }
  try {
    const client = await PGlite.create(inMemory ? dir : path.resolve(dir));
    const conn: Connection = {
      db: drizzle({ client, schema }) as unknown as Database,
      config: { kind: "pglite", dir },
      async close() {
        await client.close();
        release();
      },
    };
    // The embedded default migrates itself so `npm run dev` needs no setup step.
    await runMigrations(conn);
    return conn;
  } catch (err) {
    release();
    throw err;
  }
}

async function openNodePostgres(url: string): Promise<Connection> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: url, max: 10 });
  // An idle client whose server connection dies (restart, failover) emits 'error'; unhandled, that
  // would crash the process. The pool drops the client and opens a new one on the next query.
  pool.on("error", (err: Error) => console.error(`[db] idle connection lost (${(err as { code?: string }).code ?? err.name})`));
  const db = drizzle({ client: pool, schema }) as unknown as Database;
  return { db, config: { kind: "node-postgres", url }, close: () => pool.end() };
}

async function openNeon(url: string, wsProxy?: string): Promise<Connection> {
  const { Pool, neonConfig } = await import("@neondatabase/serverless");
  const { drizzle } = await import("drizzle-orm/neon-serverless");
  const { default: WebSocket } = await import("ws");
  neonConfig.webSocketConstructor = WebSocket;
  if (wsProxy) {
    // Tests: reach a plain Postgres through a local WebSocket→TCP pipe, no TLS.
    neonConfig.wsProxy = (host, port) => `${wsProxy}?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  const pool = new Pool({ connectionString: url });
  pool.on("error", (err: Error) => console.error(`[db] idle connection lost (${(err as { code?: string }).code ?? err.name})`));
  const db = drizzle({ client: pool, schema }) as unknown as Database;
  return { db, config: { kind: "neon", url, wsProxy }, close: () => pool.end() };
}

/** Opens a new connection for the given driver (migrating the embedded database). */
export function openConnection(config: DriverConfig): Promise<Connection> {
  switch (config.kind) {
    case "pglite":
      return openPglite(config.dir);
    case "node-postgres":
      return openNodePostgres(config.url);
    case "neon":
      return openNeon(config.url, config.wsProxy);
  }
}

// Cached on globalThis so dev hot reloads and every route share one pool / one PGlite.
const globalForDb = globalThis as unknown as { __chairsideDb?: Promise<Connection> };

/** The process-wide connection for the configured driver. */
export function getConnection(): Promise<Connection> {
  if (!globalForDb.__chairsideDb) {
    const opening = openConnection(driverConfig());
    // A failed start must not poison every later request.
    opening.catch(() => {
      if (globalForDb.__chairsideDb === opening) globalForDb.__chairsideDb = undefined;
    });
    globalForDb.__chairsideDb = opening;
  }
  return globalForDb.__chairsideDb;
}

/** The process-wide database. */
export async function getDb(): Promise<Database> {
  return (await getConnection()).db;
}

/** Closes the process-wide connection (scripts and tests; lets Node exit). */
export async function closeDb(): Promise<void> {
  const current = globalForDb.__chairsideDb;
  globalForDb.__chairsideDb = undefined;
  if (current) await (await current).close();
}
