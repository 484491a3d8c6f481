// npm run db:migrate — applies pending migrations to the configured database.
import { closeDb, driverConfig, getConnection } from "./client";
import { runMigrations } from "./migrate";

const conn = await getConnection();
await runMigrations(conn);
console.log(`Migrations applied (${driverConfig().kind}).`);
await closeDb();
