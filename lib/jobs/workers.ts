import type { Worker } from "./worker";

// Every background worker the app runs, in-process (lib/jobs/run-workers.ts) or from the cron route.
// Add one line per worker.
export const WORKERS: Worker[] = [];
