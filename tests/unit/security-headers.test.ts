import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security/headers";

describe("security headers", () => {
  it("never allows eval in production and forbids framing", () => {
    const csp = contentSecurityPolicy(true, "chairside.app");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self' https://chairside.app https://*.chairside.app https://checkout.stripe.com");
  });

  it("lets forms move between localhost hosts on any port in development and tests", () => {
    expect(contentSecurityPolicy(false, "localhost:3210")).toContain("form-action 'self' http://localhost:* http://*.localhost:*");
  });

  it("sends HSTS only in production", () => {
    const names = (prod: boolean) => securityHeaders(prod).map((h) => h.key);
    expect(names(true)).toContain("Strict-Transport-Security");
    expect(names(false)).not.toContain("Strict-Transport-Security");
    expect(names(false)).toEqual(expect.arrayContaining(["X-Content-Type-Options", "Referrer-Policy", "Content-Security-Policy"]));
  });
});
