import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { queryRows } from "@/db/query-rows";

describe("schema", () => {
  it("gives every tenant-scoped table an index that leads with tenant_id", async () => {
    const db = await getDb();
    const scoped = await queryRows<{ table_name: string }>(
      db,
      sql`
      SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'tenant_id'`,
    );
    const leading = await queryRows<{ table_name: string }>(
      db,
      sql`
      SELECT t.relname AS table_name
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
      WHERE a.attname = 'tenant_id'`,
    );
    const tables = scoped.map((r) => r.table_name).sort();
    const indexed = new Set(leading.map((r) => r.table_name));
    expect(tables.length).toBeGreaterThan(5);
    expect(tables.filter((t) => !indexed.has(t))).toEqual([]);
  });

  it("stores money only in integer columns", async () => {
    const db = await getDb();
    const money = await queryRows<{ column_name: string; data_type: string }>(
      db,
      sql`
      SELECT column_name, data_type FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name LIKE '%cents'`,
    );
    expect(money.length).toBeGreaterThan(3);
    for (const col of money) expect(col.data_type).toBe("integer");
  });
});
