import { spawn } from "node:child_process";

// `next start` forks a next-server that outlives its parent if only the parent is killed (STACK-NOTES).
// So every child runs under `setsid` in a process group of its own, and we signal the whole group.

export interface GroupChild {
  pid: number;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Calls back for every chunk of output (stdout and stderr). */
  onOutput(listener: (chunk: string) => void): void;
  /** SIGTERM to the group, SIGKILL after graceMs; resolves when the group is gone or we gave up waiting. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL to the group, synchronously. */
  stopNow(): void;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForGroupExit(pgid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!groupAlive(pgid)) return true;
    await sleep(100);
  }
  return !groupAlive(pgid);
}

/** Starts `command args` as the leader of a new session and process group (via setsid). */
export function spawnGroup(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): GroupChild {
  // Not `detached`: that already makes the child a group leader, and setsid would then fork and
  // leave us holding the pid of a process that exits at once. This way setsid execs in place and pid = pgid.
  const child = spawn("setsid", [command, ...args], { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  let output = "";
  const listeners: ((chunk: string) => void)[] = [];
  const collect = (buf: Buffer) => {
    const chunk = buf.toString("utf8");
    output += chunk;
    for (const l of listeners) l(chunk);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => resolve(code));
  });
  // A failed spawn is reported through `exited`; keep it from also surfacing as an unhandled rejection.
  exited.catch(() => {});

  return {
    pid,
    exited,
    output: () => output,
    onOutput: (listener) => void listeners.push(listener),
    async stop(graceMs = 5_000) {
      signalGroup(pid, "SIGTERM");
      if (await waitForGroupExit(pid, graceMs)) return;
      signalGroup(pid, "SIGKILL");
      await waitForGroupExit(pid, 2_000);
    },
    stopNow() {
      signalGroup(pid, "SIGKILL");
    },
  };
}
