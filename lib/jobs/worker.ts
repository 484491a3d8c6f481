import type { Database } from "@/db/client";

/** A background job loop: message queue, reminders, outgoing webhooks. */
export interface Worker {
  /** Short, stable name for logs (never includes patient data). */
  name: string;
  /** How long to wait between rounds when the last one found nothing to do. */
  intervalMs: number;
  /**
   * Does one round of due work and returns how many items it handled. Must be safe to run in any number of
   * processes at once (claim rows with FOR UPDATE SKIP LOCKED) and to be killed at any point.
   */
  runOnce(db: Database, now: Date): Promise<number>;
}
