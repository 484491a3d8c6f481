import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { patients, paymentRequests, payments, type PaymentRequest } from "@/db/schema";
import { sha256 } from "@/lib/security/sha256";
import { isLinkTokenShaped } from "./link-token";

export type OpenLinkResult =
  | {
      ok: true;
      request: PaymentRequest;
      /** All the page may show about the patient. */
      firstName: string;
      statementCents: number;
      paidSinceCents: number;
      remainingCents: number;
    }
  | { ok: false; reason: "invalid" | "expired" | "revoked" };

/** Online payments the patient made after the statement (net of refunds). */
async function paidSince(db: Executor, request: PaymentRequest): Promise<number> {
  const [row] = await db
    .select({ paid: sql<string>`coalesce(sum(${payments.amountCents} - ${payments.refundedCents}), 0)` })
    .from(payments)
    .where(
      and(
        eq(payments.tenantId, request.tenantId),
        eq(payments.patientId, request.patientId),
        inArray(payments.status, ["succeeded", "partially_refunded", "refunded"]),
        gt(payments.succeededAt, request.statementAsOf),
      ),
    );
  return Number(row?.paid ?? 0);
}

/**
 * Resolves a personal link for the practice whose host it was opened on: the request, the patient's first name,
 * the statement and what remains after payments since. Another practice's token is "invalid", exactly like an
 * unknown one. With `record`, counts the open (first and last time, count).
 */
export async function openPaymentLink(db: Executor, input: { tenantId: string; token: string; now?: Date; record?: boolean }): Promise<OpenLinkResult> {
  const now = input.now ?? new Date();
  if (!isLinkTokenShaped(input.token)) return { ok: false, reason: "invalid" };
  const [row] = await db
    .select({ request: paymentRequests, firstName: patients.firstName, preferredName: patients.preferredName })
    .from(paymentRequests)
    .innerJoin(patients, and(eq(patients.id, paymentRequests.patientId), eq(patients.tenantId, paymentRequests.tenantId)))
    .where(and(eq(paymentRequests.tokenHash, sha256(input.token)), eq(paymentRequests.tenantId, input.tenantId)));
  if (!row) return { ok: false, reason: "invalid" };
  if (row.request.revokedAt) return { ok: false, reason: "revoked" };
  if (row.request.expiresAt <= now) return { ok: false, reason: "expired" };
  let request = row.request;
  if (input.record) {
    const [updated] = await db
      .update(paymentRequests)
      .set({ openCount: sql`${paymentRequests.openCount} + 1`, firstOpenedAt: sql`coalesce(${paymentRequests.firstOpenedAt}, ${now.toISOString()}::timestamptz)`, lastOpenedAt: now })
      .where(and(eq(paymentRequests.id, request.id), eq(paymentRequests.tenantId, input.tenantId)))
      .returning();
    request = updated ?? request;
  }
  const paid = await paidSince(db, request);
  return {
    ok: true,
    request,
    firstName: row.preferredName?.trim() || row.firstName,
    statementCents: request.balanceCents,
    paidSinceCents: paid,
    remainingCents: Math.max(0, request.balanceCents - paid),
  };
}
