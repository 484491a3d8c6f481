// A second process for the PGlite lock tests:
//   node --import tsx tests/support/open-pglite.ts <dir> [--add-tenant <slug>] [--find-tenant <slug>] [--hold]
// Opens the folder (migrating it), optionally writes or reads a tenant, and prints one JSON line
// with the outcome. Then it closes the folder and exits 0, or 1 when the open was refused or failed.
// With --hold it keeps the folder open until it is killed (a crashed dev server, say).
import { eq } from "drizzle-orm";
import { openConnection } from "@/db/client";
import { DataDirInUseError } from "@/db/pglite-lock";
import { tenants } from "@/db/schema";

export interface OpenPgliteOutcome {
  ok: boolean;
  pid: number;
  /** Set when the open was refused or failed. */
  error?: { name: string; message: string; ownerPid?: number };
  /** Slug of the tenant found by --find-tenant, or null when there was none. */
  found?: string | null;
  /** The folder is still open and stays open until this process is killed. */
  holding?: boolean;
}

function option(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at === -1 ? undefined : process.argv[at + 1];
}

const dir = process.argv[2];
if (!dir) throw new Error("usage: open-pglite.ts <dir> [--add-tenant <slug>] [--find-tenant <slug>] [--hold]");
const outcome: OpenPgliteOutcome = { ok: false, pid: process.pid };

try {
  const conn = await openConnection({ kind: "pglite", dir });
  try {
    const add = option("--add-tenant");
    if (add) await conn.db.insert(tenants).values({ slug: add, name: add });
    const find = option("--find-tenant");
    if (find) {
      const [row] = await conn.db.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.slug, find));
      outcome.found = row?.slug ?? null;
    }
    outcome.ok = true;
    if (process.argv.includes("--hold")) {
      console.log(JSON.stringify({ ...outcome, holding: true }));
      // Stay open until killed: the timer keeps Node running, the promise keeps `finally` from closing.
      setInterval(() => {}, 60_000);
      await new Promise(() => {});
    }
  } finally {
    await conn.close();
  }
} catch (err) {
  const e = err instanceof Error ? err : new Error(String(err));
  outcome.error = { name: e.name, message: e.message, ownerPid: err instanceof DataDirInUseError ? err.ownerPid : undefined };
}

console.log(JSON.stringify(outcome));
process.exitCode = outcome.ok ? 0 : 1;
