import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security/headers";

const isProduction = process.env.NODE_ENV === "production";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that Turbopack must not bundle.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  outputFileTracingIncludes: { "/**": ["./db/migrations/**"] },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(isProduction) }];
  },
};

export default nextConfig;
