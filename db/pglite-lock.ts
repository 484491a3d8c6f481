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
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  // A zombie (dead, not yet reaped) still answers kill(0); on Linux /proc tells us.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

// Folders this process holds. Two PGlite instances in one process on one folder lose writes
// just like two processes do, so a second open here is refused too. On globalThis so a dev
// hot reload of this module doesn't forget what is held.
const held: Set<string> = ((globalThis as { __chairsidePgliteHeld?: Set<string> }).__chairsidePgliteHeld ??= new Set());

function readOwner(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the folder's lock for this process or throws DataDirInUseError, also when this process already holds it. */
export function acquireDataDirLock(dir: string): () => void {
  // One folder reached through a symlink is still one folder.
  const real = fs.existsSync(dir) ? fs.realpathSync(dir) : path.resolve(dir);
  const lockPath = lockPathFor(real);
  if (held.has(lockPath)) throw new DataDirInUseError(dir, process.pid);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      held.add(lockPath);
      const release = () => {
        if (!held.delete(lockPath)) return;
        if (readOwner(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const owner = readOwner(lockPath);
    // Our own pid in a lock we don't hold: left by an earlier process that had our pid. Stale.
    if (owner !== null && owner !== process.pid && isAlive(owner)) throw new DataDirInUseError(dir, owner);
    // Stale (owner gone, or a half-written file): remove and try again.
    fs.rmSync(lockPath, { force: true });
  }
  throw new Error(`Could not take the lock ${lockPath}; remove it if no Chairside process is running.`);
}
