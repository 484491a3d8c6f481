import { afterAll, inject } from "vitest";
import { closeDb } from "@/db/client";
import { TEMPLATE_ENV, urlForDatabase, withAdmin } from "../../support/postgres-admin";

// Each test file gets its own database cloned from the migrated template.
const template = inject(TEMPLATE_ENV as never) as string;
const name = `chairside_t_${template.slice("chairside_tpl_".length)}_${Math.random().toString(36).slice(2, 8)}`;
await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
process.env.DATABASE_URL = urlForDatabase(name);
delete process.env.POSTGRES_URL;

afterAll(async () => {
  await closeDb();
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
});
