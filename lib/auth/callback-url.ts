import { rootUrl } from "@/lib/tenancy/urls";

// Where to send someone after signing in. Anything from the query string is attacker-controlled,
// so only paths on our own root host survive; everything else falls back.

export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

/** A same-origin path (`/…`) safe to redirect to, or `fallback` for anything else (other hosts, `//x`, `/\x`, javascript:, garbage). */
export function safeCallbackUrl(raw: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return fallback;
  const root = new URL(rootUrl("/"));
  let url: URL;
  try {
    // Relative input resolves against our root; absolute input keeps its own origin and is compared below.
    url = new URL(raw, root);
  } catch {
    return fallback;
  }
  if (url.origin !== root.origin) return fallback;
  // `http://root//evil.com` has the path `//evil.com`, which a browser would read as another host.
  if (url.pathname.startsWith("//")) return fallback;
  // The sign-in pages themselves are never a destination (that would loop).
  if (url.pathname === "/sign-in" || url.pathname.startsWith("/sign-in/") || url.pathname.startsWith("/api/auth")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
