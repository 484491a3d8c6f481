import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security/headers";

const isProduction = process.env.NODE_ENV === "production";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that Turbopack must not bundle.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Lets tests and the benchmark build beside a running dev server without clobbering it.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Patient CSV imports arrive through a server action; 5 MB holds ~50,000 rows.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  outputFileTracingIncludes: { "/**": ["./db/migrations/**"] },
  async headers() {
    // Headers are fixed at build time: set ROOT_DOMAIN when building for a real domain.
    return [{ source: "/:path*", headers: securityHeaders(isProduction, process.env.ROOT_DOMAIN) }];
  },
};

export default nextConfig;
