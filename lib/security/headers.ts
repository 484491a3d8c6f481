// Baseline headers for every response. Edge-safe: read by next.config.ts at build time.

/** The Content-Security-Policy for this build; dev needs eval for React Refresh, production never does. */
export function contentSecurityPolicy(isProduction: boolean, rootDomain = "localhost"): string {
  const root = rootDomain.replace(/:\d+$/, "");
  // Forms on a patient host redirect to the root host (demo checkout) and back: both must be allowed
  // even without JavaScript. Locally any port, since tests run several servers from one build.
  const ours = root === "localhost" ? ["http://localhost:*", "http://*.localhost:*"] : [`https://${root}`, `https://*.${root}`];
  const script = ["'self'", "'unsafe-inline'", ...(isProduction ? [] : ["'unsafe-eval'"])];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
    // Checkout and onboarding are full-page redirects to the processor, which form-action must allow.
    `form-action 'self' ${ours.join(" ")} https://checkout.stripe.com https://connect.stripe.com`,
  ].join("; ");
}

/** Headers applied to every route (pages, API, assets). */
export function securityHeaders(isProduction: boolean, rootDomain?: string): { key: string; value: string }[] {
  const headers = [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(isProduction, rootDomain) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(self)" },
  ];
  if (isProduction) headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" });
  return headers;
}
