import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security/headers";

const isProduction = process.env.NODE_ENV === "production";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that Turbopack must not bundle.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Lets tests and the benchmark build beside a running dev server without clobbering it.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: {
    // Patient CSV imports arrive through a server action; 5 MB holds ~50,000 rows.
    serverActions: { bodySizeLimit: "6mb" },
    // Keep cached practice lookups (unstable_cache) in each instance's memory, never in <distDir>/cache on
    // disk: a disk entry outlives a restart on a fresh database and is shared by every server started from
    // the same build (the two e2e apps), so a request could act on another database's practice id.
    isrFlushToDisk: false,
  },
  outputFileTracingIncludes: { "/**": ["./db/migrations/**"] },
  async headers() {
    // Headers are fixed at build time: set ROOT_DOMAIN when building for a real domain.
    return [{ source: "/:path*", headers: securityHeaders(isProduction, process.env.ROOT_DOMAIN) }];
  },
};

export default nextConfig;
