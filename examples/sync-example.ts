// Example practice-management sync client for Chairside, using nothing but fetch and the public API.
// It discovers every path from the OpenAPI document, pushes a CSV of patients, then prints new payments.
//
//   npm run sync:example -- --base http://localhost:3000 --key cs_live_… [--csv examples/patients.csv] [--post]
//
// The payments cursor is kept in .data/sync-example-cursor so each run prints only what is new.
import fs from "node:fs";
import path from "node:path";

type Json = Record<string, unknown>;

export interface SyncClient {
  base: string;
  key: string;
  doc: Json;
}

interface Operation {
  method: string;
  path: string;
}

/** Reads the OpenAPI document (public) and returns a client bound to it. */
export async function connect(base: string, key: string): Promise<SyncClient> {
  const res = await fetch(new URL("/api/v1/openapi.json", base));
  if (!res.ok) throw new Error(`Could not read the OpenAPI document: HTTP ${res.status}`);
  return { base, key, doc: (await res.json()) as Json };
}

/** The method and path of an operation, found by its operationId in the document. */
function operation(client: SyncClient, operationId: string): Operation {
  for (const [p, item] of Object.entries(client.doc.paths as Record<string, Json>)) {
    for (const [method, op] of Object.entries(item)) {
      if ((op as Json)?.operationId === operationId) return { method: method.toUpperCase(), path: p };
    }
  }
  throw new Error(`The API has no operation ${operationId}`);
}

async function request(client: SyncClient, operationId: string, opts: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown } = {}) {
  const op = operation(client, operationId);
  const filled = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(opts.params?.[name] ?? ""));
  const url = new URL(filled, client.base);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, {
      method: op.method,
      headers: { authorization: `Bearer ${client.key}`, ...(opts.body === undefined ? {} : { "content-type": "application/json" }) },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    // Respect the rate limit instead of failing the sync.
    if (res.status === 429 && attempt < 5) {
      await new Promise((r) => setTimeout(r, Number(res.headers.get("retry-after") ?? "1") * 1000));
      continue;
    }
    const body = (await res.json()) as Json;
    if (!res.ok) {
      const errors = (body.errors as { pointer: string; message: string }[] | undefined)?.map((e) => `  ${e.pointer}: ${e.message}`).join("\n");
      throw new Error(`${op.method} ${url.pathname} → ${res.status} ${String(body.code)}: ${String(body.detail)}${errors ? `\n${errors}` : ""}`);
    }
    return body;
  }
}

/** Parses a simple CSV (quoted fields allowed) into objects keyed by the header row. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      if (row.some((f) => f !== "")) rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== "")) rows.push(row);
  const [header, ...data] = rows;
  return data.map((cells) => Object.fromEntries(header!.map((h, i) => [h.trim(), (cells[i] ?? "").trim()])));
}

/** A CSV row as the API's PatientInput (balance in dollars → integer cents; empty cells left out). */
export function toPatientInput(row: Record<string, string>): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(row)) if (v !== "" && k !== "balance") out[k] = v;
  out.balanceCents = Math.round(Number(row.balance || "0") * 100);
  return out;
}

/** Pushes patients in batches of the size the document allows; returns the summed counts. */
export async function pushPatients(client: SyncClient, patients: Json[], log: (line: string) => void = console.log) {
  const schemas = (client.doc.components as Json).schemas as Record<string, { properties: Record<string, { maxItems?: number }> }>;
  const batch = schemas.PutPatientsRequest!.properties.patients!.maxItems ?? 1000;
  const totals = { created: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < patients.length; i += batch) {
    const result = (await request(client, "upsertPatients", { body: { patients: patients.slice(i, i + batch) } })) as typeof totals;
    totals.created += result.created;
    totals.updated += result.updated;
    totals.unchanged += result.unchanged;
  }
  log(`Patients: ${totals.created} created, ${totals.updated} updated, ${totals.unchanged} unchanged.`);
  return totals;
}

export interface FeedPayment {
  id: string;
  status: string;
  amountCents: number;
  refundedCents: number;
  patientExternalId: string;
  card: { brand: string | null; last4: string | null };
  source: string;
  postedAt: string | null;
}

/** Reads every payment change after `cursor`; calls `onPayment` for each and `saveCursor` after each page. */
export async function pollPayments(client: SyncClient, cursor: string | null, onPayment: (p: FeedPayment) => Promise<void>, saveCursor: (c: string) => void = () => {}) {
  let after = cursor;
  for (;;) {
    const page = (await request(client, "listPayments", { query: after ? { after, limit: "100" } : { limit: "100" } })) as { data: FeedPayment[]; nextCursor: string; hasMore: boolean };
    for (const p of page.data) await onPayment(p);
    // Store the cursor only after the page is handled: a crash replays it rather than skipping it.
    after = page.nextCursor;
    saveCursor(after);
    if (!page.hasMore) return after;
  }
}

/** Tells Chairside the practice software posted the payment. */
export function markPosted(client: SyncClient, paymentId: string) {
  return request(client, "markPaymentPosted", { params: { id: paymentId } });
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const base = arg("base") ?? "http://localhost:3000";
  const key = arg("key") ?? process.env.CHAIRSIDE_API_KEY;
  if (!key) throw new Error("Pass --key cs_live_… (create one in the dashboard under API).");
  const csvPath = arg("csv") ?? "examples/patients.csv";
  const cursorFile = arg("cursor-file") ?? ".data/sync-example-cursor";
  const client = await connect(base, key);

  const patients = parseCsv(fs.readFileSync(csvPath, "utf8")).map(toPatientInput);
  await pushPatients(client, patients);

  const saved = fs.existsSync(cursorFile) ? fs.readFileSync(cursorFile, "utf8").trim() || null : null;
  let count = 0;
  await pollPayments(
    client,
    saved,
    async (p) => {
      count += 1;
      const money = `$${(p.amountCents / 100).toFixed(2)}`;
      console.log(`${p.status.padEnd(18)} ${money.padStart(10)}  patient ${p.patientExternalId}  ${p.card.brand ?? ""} ${p.card.last4 ?? ""}  ${p.source}  ${p.id}`);
      if (process.argv.includes("--post") && p.status === "succeeded" && !p.postedAt) {
        await markPosted(client, p.id);
        console.log(`  posted ${p.id}`);
      }
    },
    (c) => {
      fs.mkdirSync(path.dirname(cursorFile), { recursive: true });
      fs.writeFileSync(cursorFile, c);
    },
  );
  console.log(count === 0 ? "No new payments." : `${count} new payment change(s).`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname ?? "", "sync-example.ts")) {
  main().catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
}
