// GET /lang?to=es — saves the patient's language choice and returns them to the page they were on.
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

export function GET(request: Request) {
  const to = new URL(request.url).searchParams.get("to");
  const host = request.headers.get("host");
  // Back to the same page on the same host only; anything else goes to the practice's home page.
  let back = "/";
  const referer = request.headers.get("referer");
  if (referer && host) {
    try {
      const url = new URL(referer);
      if (url.host === host) back = `${url.pathname}${url.search}`;
    } catch {
      // A malformed Referer is ignored.
    }
  }
  const headers = new Headers({ Location: back, "Cache-Control": "no-store" });
  if (isLocale(to)) headers.append("Set-Cookie", `${LOCALE_COOKIE}=${to}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`);
  return new Response(null, { status: 303, headers });
}
