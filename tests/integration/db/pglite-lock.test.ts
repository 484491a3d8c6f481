import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openConnection, type Connection } from "@/db/client";
import { lockPathFor } from "@/db/pglite-lock";
import { tenants } from "@/db/schema";
import type { OpenPgliteOutcome } from "../../support/open-pglite";

// PGlite has no lock of its own, and two processes on one folder silently lose writes, so the
// app locks the folder. These tests open real folders from a second process.
// Both integration projects collect this file; it tests the embedded database only, so one run is enough.

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const script = path.join(repoRoot, "tests/support/open-pglite.ts");
// Opening a PGlite folder takes 1–3 s on a 2-core machine (creating one 5–9 s); leave room for a busy one.
const CHILD_TIMEOUT_MS = 60_000;

interface Child {
  pid: number;
  /** The first JSON line the child prints: its outcome, or that it now holds the folder open. */
  outcome: Promise<OpenPgliteOutcome>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
  kill(): void;
}

const children = new Set<Child>();

/** Runs tests/support/open-pglite.ts in a new Node process; it is killed if it outlives CHILD_TIMEOUT_MS. */
function startOpenPglite(args: string[]): Child {
  // Plain `node --import tsx` rather than `npx tsx`: the process we start is the one that holds the
  // folder, so it can be killed by its pid, with no npx/tsx parents in between to orphan it.
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.POSTGRES_URL;
  const proc = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = proc.pid;
  if (pid === undefined) throw new Error("could not start open-pglite.ts");
  const timer = setTimeout(() => proc.kill("SIGKILL"), CHILD_TIMEOUT_MS);
  let stdout = "";
  let output = "";

  const outcome = new Promise<OpenPgliteOutcome>((resolve, reject) => {
    proc.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.slice(0, stdout.lastIndexOf("\n")).split("\n").find((l) => l.startsWith("{"));
      if (line) resolve(JSON.parse(line) as OpenPgliteOutcome);
    });
    // "close" comes after all output, so a child that printed nothing by then never will.
    proc.once("close", () => reject(new Error(`open-pglite.ts printed no outcome:\n${output}`)));
  });
  outcome.catch(() => {}); // callers that only wait for the exit must not see an unhandled rejection
  proc.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve, reject) => {
    proc.once("error", reject);
    proc.once("close", (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, signal, output });
    });
  });
  const child: Child = { pid, outcome, exited, kill: () => proc.kill("SIGKILL") };
  children.add(child);
  return child;
}

/** Runs the child to completion and returns its exit code and printed outcome. */
async function runOpenPglite(args: string[]): Promise<{ code: number | null; outcome: OpenPgliteOutcome }> {
  const child = startOpenPglite(args);
  const { code, signal, output } = await child.exited;
  if (signal) throw new Error(`open-pglite.ts was killed by ${signal} (timed out?):\n${output}`);
  return { code, outcome: await child.outcome };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("the PGlite data-folder lock", { timeout: 3 * CHILD_TIMEOUT_MS }, () => {
  let root: string;
  let template: string;
  const opened: Connection[] = [];

  /** A migrated data folder of its own: a copy of one made up front, since each fresh one takes seconds. */
  function newFolder(name: string): string {
    const dir = path.join(root, name);
    fs.cpSync(template, dir, { recursive: true });
    return dir;
  }

  async function openHere(dir: string): Promise<Connection> {
    const conn = await openConnection({ kind: "pglite", dir });
    opened.push(conn);
    return conn;
  }

  async function closeHere(conn: Connection): Promise<void> {
    opened.splice(opened.indexOf(conn), 1);
    await conn.close();
  }

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "chairside-pglite-lock-"));
    template = path.join(root, "template");
    await (await openConnection({ kind: "pglite", dir: template })).close();
  });

  afterEach(async () => {
    for (const child of children) child.kill();
    await Promise.all([...children].map((c) => c.exited));
    for (const conn of opened.splice(0)) await conn.close();
  });

  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("refuses a second process while this one holds the folder, naming this process", async () => {
    const dir = newFolder("held");
    const conn = await openHere(dir);

    const { code, outcome } = await runOpenPglite([dir, "--add-tenant", "intruder"]);

    expect(code).toBe(1);
    expect(outcome.ok).toBe(false);
    expect(outcome.error?.name).toBe("DataDirInUseError");
    expect(outcome.error?.ownerPid).toBe(process.pid);
    expect(outcome.error?.message).toContain(`The embedded database in ${dir} is already in use by process ${process.pid}.`);
    // The refused process neither stole the lock nor wrote anything.
    expect(fs.readFileSync(lockPathFor(dir), "utf8")).toBe(String(process.pid));
    expect(await conn.db.select().from(tenants).where(eq(tenants.slug, "intruder"))).toEqual([]);
  });

  it("takes over the lock of a process that died holding the folder, keeping what it committed", async () => {
    const dir = newFolder("crashed");
    const holder = startOpenPglite([dir, "--add-tenant", "before-crash", "--hold"]);
    expect(await holder.outcome).toMatchObject({ ok: true, holding: true, pid: holder.pid });
    expect(fs.readFileSync(lockPathFor(dir), "utf8")).toBe(String(holder.pid));

    // kill -9: no exit handler runs, so the lock file is left behind naming a dead process.
    process.kill(holder.pid, "SIGKILL");
    expect((await holder.exited).signal).toBe("SIGKILL");
    expect(isAlive(holder.pid)).toBe(false);
    expect(fs.readFileSync(lockPathFor(dir), "utf8")).toBe(String(holder.pid));

    const conn = await openHere(dir);

    expect(fs.readFileSync(lockPathFor(dir), "utf8")).toBe(String(process.pid));
    const rows = await conn.db.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.slug, "before-crash"));
    expect(rows).toEqual([{ slug: "before-crash" }]);
  });

  it("lets another process open the folder once the holder has closed it", async () => {
    const dir = newFolder("handed-over");
    const conn = await openHere(dir);
    await conn.db.insert(tenants).values({ slug: "from-parent", name: "From Parent" });
    await closeHere(conn);
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);

    const { code, outcome } = await runOpenPglite([dir, "--find-tenant", "from-parent"]);

    expect(outcome.error).toBeUndefined();
    expect(code).toBe(0);
    expect(outcome.found).toBe("from-parent");
    // The child released the lock on its way out.
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
  });

  it("keeps data written by one process for the next process that opens the folder", async () => {
    const dir = newFolder("written-by-child");

    const first = await runOpenPglite([dir, "--add-tenant", "from-child"]);
    expect(first).toMatchObject({ code: 0, outcome: { ok: true } });

    const conn = await openHere(dir);
    const rows = await conn.db.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.slug, "from-child"));
    expect(rows).toEqual([{ slug: "from-child" }]);
  });
});
