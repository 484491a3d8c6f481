// Money is integer cents plus an ISO currency code, everywhere. These are the only two doors
// between cents and the text people read or type; neither ever does float arithmetic on cents.

const MONEY_RE = /^(-)?\$?\s*(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{1,2}))?$/;

/** Parses "$1,234.5", "1234.50", "12", "-3.10" into cents; null when it isn't an amount. */
export function parseMoneyToCents(input: string): number | null {
  const m = MONEY_RE.exec(input.trim());
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const whole = Number.parseInt((m[2] ?? "0").replaceAll(",", ""), 10);
  const cents = Number.parseInt((m[3] ?? "0").padEnd(2, "0"), 10);
  const value = whole * 100 + cents;
  if (!Number.isSafeInteger(value)) return null;
  return m[1] ? -value : value;
}

/** Formats cents for people: formatCents(123456, "usd", "en-US") → "$1,234.56". */
export function formatCents(cents: number, currency = "usd", locale = "en-US"): string {
  // Intl takes a number of units; cents / 100 is exact for display at two decimals.
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);
}

/** Cents as a plain decimal string for inputs and CSV: 123456 → "1234.56". */
export function centsToDecimalString(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
