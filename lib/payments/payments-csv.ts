import { centsToDecimalString } from "@/lib/money";
import type { allPayments } from "./list-payments";

type Row = Awaited<ReturnType<typeof allPayments>>[number];

const HEADER = ["receipt_number", "created_at", "succeeded_at", "status", "amount", "refunded", "currency", "patient_id", "patient_name", "clinic", "card_brand", "card_last4", "source", "posted_at", "processor_payment_id"];

function cell(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? "" : String(value);
  // Quote when needed, and defuse spreadsheet formulas (a name starting with "=" must stay text).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Payments as CSV for the office's bookkeeping: amounts in decimal dollars, times in ISO 8601 UTC. */
export function paymentsToCsv(rows: Row[]): string {
  const lines = [HEADER.join(",")];
  for (const r of rows) {
    const p = r.payment;
    lines.push(
      [
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
      ]
        .map(cell)
        .join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}
