// How hard the queue tries, and how long a worker may hold a claim. One place, so tests and docs agree.

/** A claim is held this long; a worker that dies mid-send leaves rows that another worker takes over after it. */
export const LEASE_MS = 5 * 60_000;

/** Provider calls per message before it is marked failed. */
export const MAX_ATTEMPTS = 8;

/** Rows one round claims; emails among them go out in batches of BATCH_SIZE. */
export const CLAIM_LIMIT = 500;

/** Resend's batch endpoint takes at most 100 emails per call. */
export const BATCH_SIZE = 100;

/** How long a practice that can't take payments (suspended, key lapsed, no processor) has its messages held back. */
export const NOT_LIVE_DEFER_MS = 30 * 60_000;

const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 60 * 60_000;

/** Delay before retry number `attempt` (1-based): 1 min doubling to 1 h, ±20% jitter so a failed batch doesn't retry in lock-step. */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1), MAX_DELAY_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}
