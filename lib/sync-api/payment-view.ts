import type { z } from "zod";
import type { Payment } from "@/db/schema";
import type { apiPayment } from "./schemas";

export type ApiPayment = z.output<typeof apiPayment>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A feed payment as the API and outgoing webhooks show it (no patient names: the PMS knows them by external id). */
export function toApiPayment(p: Payment, patientExternalId: string, clinicSlug: string | null): ApiPayment {
  return {
    id: p.id,
    status: p.status as ApiPayment["status"],
    amountCents: p.amountCents,
    refundedCents: p.refundedCents,
    currency: p.currency,
    feeCents: p.feeCents,
    card: { brand: p.cardBrand, last4: p.cardLast4 },
    processor: p.processorKind,
    processorPaymentId: p.processorPaymentId,
    processorSessionId: p.processorSessionId,
    source: p.source,
    paymentRequestId: p.paymentRequestId,
    patientExternalId,
    clinic: clinicSlug,
    receiptNumber: p.receiptNumber,
    failureMessage: p.failureMessage,
    succeededAt: iso(p.succeededAt),
    postedAt: iso(p.postedAt),
    createdAt: p.createdAt.toISOString(),
  };
}
