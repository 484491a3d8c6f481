import path from "node:path";
import type { Connection } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Applies every committed migration that has not run yet on this connection. */
export async function runMigrations(conn: Connection): Promise<void> {
  switch (conn.config.kind) {
    case "pglite": {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      return migrate(conn.db as never, { migrationsFolder });
    }
    case "node-postgres": {
      const { migrate } = await import("drizzle-orm/node-postgres/migrator");
      return migrate(conn.db as never, { migrationsFolder });
    }
    case "neon": {
      const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
      return migrate(conn.db as never, { migrationsFolder });
    }
  }
}
