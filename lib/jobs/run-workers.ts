import type { Database } from "@/db/client";
import type { Worker } from "./worker";
import { WORKERS } from "./workers";

export interface RoundReport {
  name: string;
  handled: number;
  error?: string;
}

async function runOne(worker: Worker, db: Database, now: Date): Promise<RoundReport> {
  try {
    return { name: worker.name, handled: await worker.runOnce(db, now) };
  } catch (err) {
    // Worker errors name the failing step, not the patient: log the message only.
    const error = err instanceof Error ? err.message : String(err);
    console.error(`[worker ${worker.name}] ${error}`);
    return { name: worker.name, handled: 0, error };
  }
}

/** Runs one round of every worker (the cron route's job); one worker's failure doesn't stop the others. */
export async function runAllOnce(db: Database, now: Date = new Date(), workers: Worker[] = WORKERS): Promise<RoundReport[]> {
  const reports: RoundReport[] = [];
  for (const worker of workers) reports.push(await runOne(worker, db, now));
  return reports;
}

/**
 * Starts every worker in this process: each loops on its own, rounds never overlap, and a round that found work
 * is followed at once by another (draining a backlog) while an idle one waits `intervalMs`. Returns a stop function.
 */
export function startWorkers(getDb: () => Promise<Database>, workers: Worker[] = WORKERS): () => void {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  for (const worker of workers) {
    const loop = async () => {
      if (stopped) return;
      const report = await runOne(worker, await getDb(), new Date());
      if (stopped) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        void loop();
      }, report.handled > 0 && !report.error ? 0 : worker.intervalMs);
      // Never keep a process alive just for the workers.
      timer.unref();
      timers.add(timer);
    };
    void loop();
  }
  return () => {
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };
}
