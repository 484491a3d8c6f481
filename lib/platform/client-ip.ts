/** The client's IP as our proxy reports it (first X-Forwarded-For hop, else X-Real-IP), or null. */
export function clientIp(headers: Headers): string | null {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || null;
}
