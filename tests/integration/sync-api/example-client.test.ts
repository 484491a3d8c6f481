import fs from "node:fs";
import http from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { GET as getPatient } from "@/app/api/v1/patients/[externalId]/route";
import { PUT as putPatients } from "@/app/api/v1/patients/route";
import { POST as posted } from "@/app/api/v1/payments/[id]/posted/route";
import { GET as listPayments } from "@/app/api/v1/payments/route";
import { getDb, type Database } from "@/db/client";
import { patients, payments } from "@/db/schema";
import { connect, markPosted, parseCsv, pollPayments, pushPatients, toPatientInput, type FeedPayment } from "@/examples/sync-example";
import { listenLocally, readBody, type LocalServer } from "../../fakes/local-server";
import { insertPayment, practiceWithKey, type KeyedPractice } from "./sync-setup";

// The example client (examples/sync-example.ts) against our real route handlers over HTTP: it finds every
// path in the OpenAPI document, pushes the sample CSV, sees a payment and marks it posted.

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROUTES: [RegExp, string, Handler][] = [
  [/^\/api\/v1\/openapi\.json$/, "GET", openApi as Handler],
  [/^\/api\/v1\/patients$/, "PUT", putPatients as Handler],
  [/^\/api\/v1\/patients\/(?<externalId>[^/]+)$/, "GET", getPatient as Handler],
  [/^\/api\/v1\/payments$/, "GET", listPayments as Handler],
  [/^\/api\/v1\/payments\/(?<id>[^/]+)\/posted$/, "POST", posted as Handler],
];

// Next.js percent-decodes path parameters before a route handler sees them.
const decodedParams = (groups: Record<string, string> = {}) => Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, decodeURIComponent(v)]));

let db: Database;
let p: KeyedPractice;
let api: LocalServer;

beforeAll(async () => {
  db = await getDb();
  p = await practiceWithKey(db);
  const server = http.createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url!, "http://localhost:3000");
    const route = ROUTES.find(([re, method]) => re.test(url.pathname) && method === req.method);
    if (!route) return void res.writeHead(404).end("{}");
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host") headers.set(k, v);
    const body = raw.length > 0 ? raw : undefined;
    const response = await route[2](new Request(url, { method: req.method, headers, body }), { params: Promise.resolve(decodedParams(route[0].exec(url.pathname)!.groups)) });
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text());
  });
  api = await listenLocally(server);
});
// Closing also cuts the client's keep-alive connections, instead of waiting for them to time out.
afterAll(() => api.close());

describe("the example sync client", () => {
  it("pushes the sample CSV, sees a new payment once and marks it posted, using only the OpenAPI document", async () => {
    const client = await connect(api.url, p.key);
    const rows = parseCsv(fs.readFileSync("examples/patients.csv", "utf8")).map(toPatientInput);
    const logs: string[] = [];
    expect(await pushPatients(client, rows, (l) => logs.push(l))).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect(await pushPatients(client, rows, (l) => logs.push(l))).toEqual({ created: 0, updated: 0, unchanged: 4 });
    const [ana] = await db.select().from(patients).where(eq(patients.externalId, "EX-1001"));
    expect(ana).toMatchObject({ tenantId: p.tenantId, balanceCents: 12_540, phone: "+15550103001" });

    const seen: FeedPayment[] = [];
    const cursor = await pollPayments(client, null, async (pay) => void seen.push(pay));
    expect(seen).toEqual([]);

    const paid = await insertPayment(db, p.tenantId, ana!.id, { amountCents: 12_540 });
    await pollPayments(client, cursor, async (pay) => {
      seen.push(pay);
      await markPosted(client, pay.id);
    });
    expect(seen.map((s) => [s.id, s.patientExternalId, s.amountCents])).toEqual([[paid.id, "EX-1001", 12_540]]);
    const [row] = await db.select().from(payments).where(eq(payments.id, paid.id));
    expect(row!.postedAt).not.toBeNull();
  });

  it("reports a refused batch with the API's field pointers", async () => {
    const client = await connect(api.url, p.key);
    await expect(pushPatients(client, [{ externalId: "X", firstName: "A", lastName: "B", birthdate: "1985-13-40", balanceCents: 1 }])).rejects.toThrow(/422 validation_failed[\s\S]*\/patients\/0\/birthdate/);
  });
});
