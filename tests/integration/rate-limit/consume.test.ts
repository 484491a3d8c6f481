import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { consumeRateLimit, consumeRateLimits, retryMessage } from "@/lib/rate-limit/consume";

describe("rate limits", () => {
  it("allows up to the limit in a window, then refuses with the time left", async () => {
    const db = await getDb();
    const rule = { key: "test:window", limit: 3, windowSeconds: 600 };
    const t0 = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < 3; i++) expect((await consumeRateLimit(db, rule, t0)).allowed).toBe(true);
    const refused = await consumeRateLimit(db, rule, new Date(t0.getTime() + 60_000));
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 540 });
    expect(retryMessage(refused.retryAfterSeconds)).toBe("Too many attempts. Please try again in 9 minutes.");
  });

  it("starts a fresh window once the old one has passed", async () => {
    const db = await getDb();
    const rule = { key: "test:reset", limit: 1, windowSeconds: 60 };
    const t0 = new Date("2026-01-01T10:00:00Z");
    expect((await consumeRateLimit(db, rule, t0)).allowed).toBe(true);
    expect((await consumeRateLimit(db, rule, t0)).allowed).toBe(false);
    expect((await consumeRateLimit(db, rule, new Date(t0.getTime() + 61_000))).allowed).toBe(true);
  });

  it("counts concurrent attempts exactly", async () => {
    const db = await getDb();
    const rule = { key: "test:concurrent", limit: 10, windowSeconds: 600 };
    const results = await Promise.all(Array.from({ length: 25 }, () => consumeRateLimit(db, rule)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });

  it("refuses when any one of several limits is exceeded", async () => {
    const db = await getDb();
    const perUser = { key: "test:user:1", limit: 1, windowSeconds: 600 };
    const perIp = { key: "test:ip:1", limit: 100, windowSeconds: 600 };
    expect((await consumeRateLimits(db, [perUser, perIp])).allowed).toBe(true);
    expect((await consumeRateLimits(db, [perUser, perIp])).allowed).toBe(false);
  });
});
