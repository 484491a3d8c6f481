import { openConnection } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { TEMPLATE_ENV, uniqueDbName, urlForDatabase, withAdmin } from "../../support/postgres-admin";

// Migrates one template database per run; each test file then clones it (fast, and fully isolated).
export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  const name = uniqueDbName("chairside_tpl");
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const conn = await openConnection({ kind: "node-postgres", url: urlForDatabase(name) });
  await runMigrations(conn);
  await conn.close();
  process.env[TEMPLATE_ENV] = name;
  provide(TEMPLATE_ENV, name);
  return async () => {
    await withAdmin(async (c) => {
      const { rows } = await c.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
        [name, `chairside_t_${name.slice("chairside_tpl_".length)}%`],
      );
      for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    });
  };
}
