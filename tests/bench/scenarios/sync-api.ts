import { ms, perSec, ratio } from "../report-table";
import type { Scenario } from "../scenario";

// PUT /api/v1/patients throughput: 50,000 patients in 1,000-patient batches, first as new rows, then the same
// bodies again (nothing changes, so nothing is written). The baseline is 100-patient batches of new rows
// (after one warm-up batch).
// The API key is created the way an owner does it: signed in, submitting the dashboard's "Create key" form
// (as a browser without JavaScript would), so the bench needs nothing but HTTP.

const TOTAL = 50_000;
const BATCH = 1_000;
const DEMO_OWNER = { email: "owner@brightsmiles.test", password: "demo-password-1" };

class Session {
  private cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(new URL(path, this.base), { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    return res;
  }
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Signs in the demo owner and creates an API key through the dashboard form (no-JS form post). */
async function createKeyThroughDashboard(base: string): Promise<string> {
  const s = new Session(base);
  const { csrfToken } = (await (await s.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await s.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email: DEMO_OWNER.email, password: DEMO_OWNER.password, callbackUrl: `${base}/dashboard` }),
  });
  if (signIn.status >= 400) throw new Error(`sign-in answered HTTP ${signIn.status}`);
  const page = await (await s.fetch("/dashboard/api")).text();
  const form = [...page.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => /name="name"/.test(f));
  if (!form) throw new Error("no Create key form on /dashboard/api (signed in as the owner?)");
  const body = new FormData();
  for (const m of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])?.[1];
    const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? "";
    if (name) body.append(decode(name), decode(value));
  }
  body.append("name", `bench ${Date.now()}`);
  const created = await s.fetch("/dashboard/api", { method: "POST", body, headers: { origin: base } });
  const key = /cs_live_[A-Za-z0-9_-]{43}/.exec(await created.text())?.[0];
  if (!key) throw new Error(`creating a key answered HTTP ${created.status} without a key`);
  return key;
}

function patient(i: number) {
  return {
    externalId: `BENCH-${i}`,
    firstName: `First${i % 997}`,
    lastName: `Last${i}`,
    birthdate: `19${50 + (i % 50)}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
    email: `patient${i}@example.com`,
    phone: `+1555${String(1_000_000 + (i % 9_000_000)).slice(-7)}`,
    balanceCents: (i * 137) % 250_000,
    statementDate: "2026-11-01",
  };
}

interface Run {
  rows: number;
  seconds: number;
  latencies: number[];
  counts: { created: number; updated: number; unchanged: number };
}

async function push(base: string, key: string, from: number, count: number, batch: number): Promise<Run> {
  const run: Run = { rows: count, seconds: 0, latencies: [], counts: { created: 0, updated: 0, unchanged: 0 } };
  const began = performance.now();
  for (let i = from; i < from + count; i += batch) {
    const patients = Array.from({ length: Math.min(batch, from + count - i) }, (_, k) => patient(i + k));
    const t = performance.now();
    const res = await fetch(new URL("/api/v1/patients", base), {
      method: "PUT",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ patients }),
    });
    const body = (await res.json()) as Run["counts"] & { code?: string };
    if (!res.ok) throw new Error(`PUT /api/v1/patients answered HTTP ${res.status} ${body.code ?? ""}`);
    run.latencies.push(performance.now() - t);
    for (const k of ["created", "updated", "unchanged"] as const) run.counts[k] += body[k];
  }
  run.seconds = (performance.now() - began) / 1000;
  return run;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export const syncApiPatients: Scenario = {
  name: "sync-api",
  title: "Sync API: PUT /api/v1/patients, 50,000 patients in 1,000-patient batches",
  async run({ app, log }) {
    const base = `http://${app.rootHost}`;
    log("creating an API key through the dashboard");
    const key = await createKeyThroughDashboard(base);
    // The first request of a route pays for its module loading: keep it out of every figure.
    await push(base, key, 2_000_000, 100, 100);
    log("baseline: 5 batches of 100 new patients");
    const baseline = await push(base, key, 1_000_000, 500, 100);
    log(`first push: ${TOTAL} new patients`);
    const first = await push(base, key, 0, TOTAL, BATCH);
    log("repeat: the same 50,000 again (no changes)");
    const repeat = await push(base, key, 0, TOTAL, BATCH);
    const rate = (r: Run) => r.rows / r.seconds;
    const columns = ["run", "rows", "seconds", "rows/s", "batch p50", "batch p99", "rows/s ×"];
    const row = (label: string, r: Run) => [label, String(r.rows), r.seconds.toFixed(1), perSec(rate(r)), ms(percentile(r.latencies, 50)), ms(percentile(r.latencies, 99)), ratio(rate(r), rate(baseline))];
    const notes = [
      "Batches are sent one after another by one client, as a practice's sync would; ratios are rows/s ÷ the 100-patient baseline.",
      `first push: ${first.counts.created} created, ${first.counts.updated} updated, ${first.counts.unchanged} unchanged; repeat: ${repeat.counts.created} created, ${repeat.counts.updated} updated, ${repeat.counts.unchanged} unchanged.`,
    ];
    if (first.counts.created !== TOTAL) notes.push(`NOTE: expected ${TOTAL} created on the first push.`);
    if (repeat.counts.unchanged !== TOTAL) notes.push(`NOTE: expected ${TOTAL} unchanged on the repeat.`);
    return {
      table: { columns, rows: [row("baseline: 5 × 100 new (baseline)", baseline), row("first push: 50 × 1,000 new", first), row("repeat: 50 × 1,000 unchanged", repeat)] },
      notes,
    };
  },
};
