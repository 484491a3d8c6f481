// Shared set-up for the Message-to-Pay tests: practices, patients with the contacts we choose, and reading
// back what was queued.
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { clinics, messages, patients, paymentRequests } from "@/db/schema";
import { nameKey } from "@/lib/patients/name-key";
import { makePractice } from "../../support/factories";

// Unsubscribe links in emails are signed with the app secret; Postgres runs refuse to invent one.
process.env.AUTH_SECRET ??= "message-to-pay-tests-secret-1234";

let counter = 0;

export interface PatientOptions {
  firstName?: string;
  lastName?: string;
  preferredName?: string | null;
  email?: string | null;
  phone?: string | null;
  balanceCents?: number;
  clinicId?: string | null;
  statementDaysAgo?: number;
  active?: boolean;
}

/** A patient of `tenantId` with an email and a phone unless told otherwise. */
export async function addPatient(db: Database, tenantId: string, opts: PatientOptions = {}) {
  counter += 1;
  const firstName = opts.firstName ?? "Maria";
  const lastName = opts.lastName ?? `Garcia${counter}`;
  const asOf = new Date(Date.now() - (opts.statementDaysAgo ?? 1) * 86_400_000);
  let clinicId = opts.clinicId;
  if (clinicId === undefined) {
    const [c] = await db.select({ id: clinics.id }).from(clinics).where(eq(clinics.tenantId, tenantId)).limit(1);
    clinicId = c?.id ?? null;
  }
  const [row] = await db
    .insert(patients)
    .values({
      tenantId,
      clinicId,
      externalId: `P${counter}-${Date.now().toString(36)}`,
      firstName,
      lastName,
      preferredName: opts.preferredName ?? null,
      firstNameKey: nameKey(firstName),
      lastNameKey: nameKey(lastName),
      birthdate: "1985-03-14",
      email: opts.email === undefined ? `patient${counter}-${Date.now().toString(36)}@example.com` : opts.email,
      phone: opts.phone === undefined ? `+1555${String(3000000 + counter).slice(-7)}` : opts.phone,
      balanceCents: opts.balanceCents ?? 24_550,
      balanceAsOf: asOf,
      statementDate: asOf.toISOString().slice(0, 10),
      active: opts.active ?? true,
    })
    .returning();
  return row!;
}

/** A practice (with its owner) that is not necessarily live. */
export async function practice(db: Database, name = "Test Dental") {
  const { tenant, owner } = await makePractice(db, { name });
  return { tenant, owner };
}

/** The queued messages of one request, email first. */
export function messagesOf(db: Database, requestId: string) {
  return db.select().from(messages).where(eq(messages.requestId, requestId)).orderBy(asc(messages.channel));
}

/** The request row, whatever its practice. */
export async function requestRow(db: Database, id: string) {
  const [row] = await db.select().from(paymentRequests).where(eq(paymentRequests.id, id));
  return row!;
}

/** Requests of one patient. */
export function requestsOfPatient(db: Database, tenantId: string, patientId: string) {
  return db
    .select()
    .from(paymentRequests)
    .where(and(eq(paymentRequests.tenantId, tenantId), eq(paymentRequests.patientId, patientId)));
}

/** The token from a queued message's link. */
export function tokenFrom(body: string): string {
  const m = /\/m\/([A-Za-z0-9_-]{43})/.exec(body);
  if (!m) throw new Error("no personal link in the message");
  return m[1]!;
}
