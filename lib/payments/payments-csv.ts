import { toCsv } from "@/lib/csv/to-csv";
import { centsToDecimalString } from "@/lib/money";
import type { allPayments } from "./list-payments";

type Row = Awaited<ReturnType<typeof allPayments>>[number];

const HEADER = ["receipt_number", "created_at", "succeeded_at", "status", "amount", "refunded", "currency", "patient_id", "patient_name", "clinic", "card_brand", "card_last4", "source", "posted_at", "processor_payment_id"];

/** Payments as CSV for the office's bookkeeping: amounts in decimal dollars, times in ISO 8601 UTC. */
export function paymentsToCsv(rows: Row[]): string {
  return toCsv(
    HEADER,
    rows.map(({ payment: p, ...r }) => [
      p.receiptNumber,
      p.createdAt.toISOString(),
      p.succeededAt?.toISOString(),
      p.status,
      centsToDecimalString(p.amountCents),
      centsToDecimalString(p.refundedCents),
      p.currency.toUpperCase(),
      r.patientExternalId,
      `${r.patientFirstName} ${r.patientLastName}`,
      r.clinicName,
      p.cardBrand,
      p.cardLast4,
      p.source,
      p.postedAt?.toISOString(),
      p.processorPaymentId,
    ]),
  );
}
