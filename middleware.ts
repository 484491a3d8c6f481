import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { parseHost } from "@/lib/tenancy/parse-host";
import { TENANT_PATH_HEADER } from "@/lib/tenancy/tenant-path-header";

// Maps hosts to tenants and nothing else: no DB, no Node APIs (edge runtime).
// A tenant host's /path is served by app/t/<slug>/path; tenant pages check the DB themselves.

const NOT_FOUND_PATH = "/host-not-found";

export function middleware(req: NextRequest) {
  const target = parseHost(req.headers.get("host"), env().ROOT_DOMAIN);
  const url = req.nextUrl.clone();
  switch (target.kind) {
    case "tenant": {
      // The path as the patient asked for it, so a renamed practice's old host can redirect to the same page.
      const forwarded = new Headers(req.headers);
      forwarded.set(TENANT_PATH_HEADER, `${url.pathname}${url.search}`);
      url.pathname = `/t/${target.slug}${url.pathname === "/" ? "" : url.pathname}`;
      return NextResponse.rewrite(url, { request: { headers: forwarded } });
    }
    case "root":
      // The tenant tree is only reachable through a tenant host.
      if (url.pathname === "/t" || url.pathname.startsWith("/t/")) break;
      return NextResponse.next();
    case "reserved":
    case "invalid":
      break;
  }
  url.pathname = NOT_FOUND_PATH;
  return NextResponse.rewrite(url);
}

export const config = {
  // /api and /_next are never rewritten (Auth.js and webhooks live on /api), nor are static files.
  matcher: ["/((?!api/|_next/|favicon\\.ico$|robots\\.txt$|.*\\.(?:png|svg|jpg|jpeg|ico|webp|txt|webmanifest|css|js)$).*)"],
};
