// Shared steps for the sync API tests: a practice with an API key created the way the dashboard does,
// real Request objects handed to the route handlers' exports, and payments written straight to the table
// (the feed trigger positions them exactly as the payment engine's writes would).
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { clinics, patients, payments, type PaymentStatus } from "@/db/schema";
import { nameKey } from "@/lib/patients/name-key";
import { createApiKey } from "@/lib/sync-api/api-keys";
import { makePractice } from "../../support/factories";

export const BASE = "http://localhost:3000";

export interface KeyedPractice {
  tenantId: string;
  ownerId: string;
  key: string;
  keyId: string;
  clinicSlug: string;
}

/** A new practice (one clinic) and a fresh API key of its owner's. */
export async function practiceWithKey(db: Database, name = "Test Dental"): Promise<KeyedPractice> {
  const { tenant, owner } = await makePractice(db, { name });
  const created = await createApiKey(db, { tenantId: tenant.id, actorUserId: owner.id }, { name: "Open Dental" });
  const [clinic] = await db.select().from(clinics).where(eq(clinics.tenantId, tenant.id));
  return { tenantId: tenant.id, ownerId: owner.id, key: created.key, keyId: created.id, clinicSlug: clinic!.slug };
}

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/** Calls a route handler as Next.js would, with `Authorization: Bearer <key>` and a JSON body when given. */
export async function call<P = Record<string, never>>(
  handler: Handler<P>,
  opts: { method: string; path: string; key?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string>; params?: P },
): Promise<Response> {
  const headers = new Headers(opts.headers);
  if (opts.key) headers.set("authorization", `Bearer ${opts.key}`);
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const req = new Request(`${BASE}${opts.path}`, { method: opts.method, headers, body });
  return handler(req, { params: Promise.resolve((opts.params ?? {}) as P) });
}

let counter = 0;
/** A valid patient for the API, varied by `n`. */
export function apiPatient(n: number, overrides: Record<string, unknown> = {}) {
  return {
    externalId: `PAT-${n}`,
    firstName: "Maria",
    lastName: `García${n}`,
    birthdate: "1985-03-14",
    email: `maria${n}@example.com`,
    phone: "(555) 010-2030",
    balanceCents: 10_000 + n,
    statementDate: "2026-11-01",
    ...overrides,
  };
}

/** A patient row inserted directly (for payments in tests). */
export async function insertPatient(db: Database, tenantId: string, externalId = `DB-${++counter}-${Date.now().toString(36)}`) {
  const [row] = await db
    .insert(patients)
    .values({ tenantId, externalId, firstName: "Ana", lastName: "Lopez", firstNameKey: nameKey("Ana"), lastNameKey: nameKey("Lopez"), birthdate: "1990-01-02", balanceCents: 5_000 })
    .returning();
  return row!;
}

/** A payment in a reported state (succeeded unless told), written the way the payment engine records outcomes. */
export async function insertPayment(db: Database, tenantId: string, patientId: string, opts: { status?: PaymentStatus; amountCents?: number } = {}) {
  const status = opts.status ?? "succeeded";
  counter += 1;
  const [row] = await db
    .insert(payments)
    .values({
      tenantId,
      patientId,
      amountCents: opts.amountCents ?? 2_500,
      status,
      idempotencyKey: `test-${counter}-${Math.random().toString(36).slice(2)}`,
      processorKind: "demo",
      processorSessionId: `demo_cs_test_${counter}_${Math.random().toString(36).slice(2)}`,
      processorPaymentId: status === "pending" ? null : `demo_pi_${counter}`,
      cardBrand: "visa",
      cardLast4: "4242",
      feeCents: 103,
      succeededAt: status === "succeeded" ? new Date() : null,
      failureMessage: status === "failed" ? "Your card was declined." : null,
    })
    .returning();
  return row!;
}

/** The JSON body of a response. */
export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
