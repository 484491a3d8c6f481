import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { runAllOnce, startWorkers } from "@/lib/jobs/run-workers";
import type { Worker } from "@/lib/jobs/worker";
import { WORKERS } from "@/lib/jobs/workers";

process.env.CRON_SECRET = "cron-secret-for-tests-only";
const { GET: cronGet } = await import("@/app/api/cron/work/route");

function countingWorker(name: string, backlog: number[]): Worker & { rounds: number } {
  const worker = {
    name,
    intervalMs: 60_000,
    rounds: 0,
    async runOnce() {
      worker.rounds += 1;
      return backlog.shift() ?? 0;
    },
  };
  return worker;
}

describe("background workers", () => {
  it("runs every worker once per round and keeps going when one of them throws", async () => {
    const db = await getDb();
    const ok = countingWorker("ok", [3]);
    const broken: Worker = {
      name: "broken",
      intervalMs: 60_000,
      runOnce: async () => {
        throw new Error("provider down");
      },
    };
    const reports = await runAllOnce(db, new Date(), [broken, ok]);
    expect(reports).toEqual([
      { name: "broken", handled: 0, error: "provider down" },
      { name: "ok", handled: 3 },
    ]);
  });

  it("drains a backlog without waiting, then idles until stopped", async () => {
    const db = await getDb();
    const worker = countingWorker("drain", [100, 100, 7]);
    const stop = startWorkers(async () => db, [worker]);
    await expect.poll(() => worker.rounds, { timeout: 2_000 }).toBe(4);
    stop();
    // The fourth round found nothing, so the next one waits its interval: no more rounds run.
    await new Promise((r) => setTimeout(r, 50));
    expect(worker.rounds).toBe(4);
  });

  it("refuses the cron route without the secret, with a wrong one, and runs a round with the right one", async () => {
    const call = (authorization?: string) =>
      cronGet(new Request("http://localhost:3000/api/cron/work", { headers: authorization ? { authorization } : {} }));
    const missing = await call();
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: { code: "unauthorized", message: "Missing or wrong cron secret." } });
    expect((await call("Bearer not-the-secret")).status).toBe(401);
    const ok = await call("Bearer cron-secret-for-tests-only");
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { ok: boolean; workers: { name: string; handled: number }[] };
    expect(body.ok).toBe(true);
    // One round of every registered worker (queue, reminders, outgoing webhooks), each reporting what it did.
    expect(body.workers.map((w) => w.name)).toEqual(WORKERS.map((w) => w.name));
    expect(body.workers.length).toBeGreaterThanOrEqual(3);
    for (const w of body.workers) expect(w.handled).toBe(0);
  });
});
