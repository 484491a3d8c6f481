import { INTL_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { formatCents } from "@/lib/money";

export interface ReceiptDetails {
  practiceName: string;
  practicePhone: string | null;
  amountCents: number;
  currency: string;
  paidAt: Date;
  /** The practice's time zone: the date printed is the practice's date. */
  timeZone: string;
  receiptNumber: string;
  cardBrand: string | null;
  cardLast4: string | null;
  /** The patient's language; anything we don't speak falls back to English. */
  locale?: string | null;
}

const BRANDS: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", discover: "Discover", diners: "Diners Club", jcb: "JCB", unionpay: "UnionPay" };

const WORDS: Record<Locale, { subject: (practice: string) => string; thanks: string; practice: string; amount: string; date: string; receipt: string; card: string; cardValue: (brand: string, last4: string) => string; keep: string; questions: (phone: string) => string }> = {
  en: {
    subject: (p) => `Your payment receipt from ${p}`,
    thanks: "Thank you for your payment.",
    practice: "Paid to",
    amount: "Amount",
    date: "Date",
    receipt: "Receipt number",
    card: "Card",
    cardValue: (b, l) => `${b} ending in ${l}`,
    keep: "Keep this email for your records.",
    questions: (phone) => `Questions about your bill? Call us at ${phone}.`,
  },
  es: {
    subject: (p) => `Su recibo de pago de ${p}`,
    thanks: "Gracias por su pago.",
    practice: "Pagado a",
    amount: "Monto",
    date: "Fecha",
    receipt: "Número de recibo",
    card: "Tarjeta",
    cardValue: (b, l) => `${b} terminada en ${l}`,
    keep: "Guarde este correo para sus registros.",
    questions: (phone) => `¿Preguntas sobre su cuenta? Llámenos al ${phone}.`,
  },
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The receipt email for one payment: subject, plain text and simple HTML with the same lines, in the patient's language (English by default). */
export function buildReceiptEmail(d: ReceiptDetails): { subject: string; text: string; html: string } {
  const locale: Locale = isLocale(d.locale) ? d.locale : "en";
  const w = WORDS[locale];
  const intl = INTL_LOCALE[locale];
  const date = new Intl.DateTimeFormat(intl, { dateStyle: "long", timeZone: d.timeZone }).format(d.paidAt);
  const rows: [string, string][] = [
    [w.practice, d.practiceName],
    [w.amount, formatCents(d.amountCents, d.currency, intl)],
    [w.date, date],
    [w.receipt, d.receiptNumber],
  ];
  if (d.cardBrand && d.cardLast4) rows.push([w.card, w.cardValue(BRANDS[d.cardBrand] ?? d.cardBrand.charAt(0).toUpperCase() + d.cardBrand.slice(1), d.cardLast4)]);
  const closing = [w.keep, ...(d.practicePhone ? [w.questions(d.practicePhone)] : [])];

  const text = [w.thanks, "", ...rows.map(([k, v]) => `${k}: ${v}`), "", ...closing].join("\n");
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;color:#0f172a;line-height:1.5">
<p style="font-size:18px;font-weight:600">${escapeHtml(w.thanks)}</p>
<table role="presentation" style="border-collapse:collapse">${rows
    .map(([k, v]) => `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;font-weight:600">${escapeHtml(k)}</th><td style="padding:4px 0">${escapeHtml(v)}</td></tr>`)
    .join("")}</table>
${closing.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n")}
</body></html>`;
  return { subject: w.subject(d.practiceName), text, html };
}
