import type { Worker } from "@/lib/jobs/worker";
import { processQueue } from "./process-queue";

/** One call keeps claiming rounds for up to this long while there is work, so a cron call drains more than 500. */
const ROUND_BUDGET_MS = 8_000;

/** The Message-to-Pay send queue as a background worker (in-process loop, or the cron route on Vercel). */
export const messageWorker: Worker = {
  name: "message-queue",
  intervalMs: 5_000,
  async runOnce(db, now) {
    const started = Date.now();
    let handled = 0;
    for (;;) {
      const elapsed = Date.now() - started;
      const round = await processQueue(db, new Date(now.getTime() + elapsed));
      handled += round;
      if (round === 0 || Date.now() - started >= ROUND_BUDGET_MS) return handled;
    }
  },
};
