import fs from "node:fs";
import path from "node:path";

// PGlite has no lock of its own: two processes on one folder silently lose writes.
// We hold `<dir>.lock` containing the owner's pid, and take over locks whose owner is dead.

export class DataDirInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database in ${dir} is already in use by process ${ownerPid}. ` +
        `Stop that process (for example a running "npm run dev") before starting another one, ` +
        `or set DATABASE_URL to use a PostgreSQL server.`,
    );
    this.name = "DataDirInUseError";
  }
}

export function lockPathFor(dir: string): string {
  const abs = path.resolve(dir);
  return path.join(path.dirname(abs), `${path.basename(abs)}.lock`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the folder's lock for this process or throws DataDirInUseError; re-entrant within one process. */
export function acquireDataDirLock(dir: string): () => void {
  const lockPath = lockPathFor(dir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => {
        if (readOwner(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const owner = readOwner(lockPath);
    if (owner === process.pid) return () => {};
    if (owner !== null && isAlive(owner)) throw new DataDirInUseError(dir, owner);
    // Stale (owner gone, or a half-written file): remove and try again.
    fs.rmSync(lockPath, { force: true });
  }
  throw new Error(`Could not take the lock ${lockPath}; remove it if no Chairside process is running.`);
}
