import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { rootUrl } from "@/lib/tenancy/urls";

describe("the after-sign-in destination", () => {
  it("keeps a path on our own site, with its query", () => {
    expect(safeCallbackUrl("/dashboard/payments?page=2")).toBe("/dashboard/payments?page=2");
  });

  it("keeps an absolute URL on the root host as its path", () => {
    expect(safeCallbackUrl(rootUrl("/dashboard/settings"))).toBe("/dashboard/settings");
  });

  it.each([
    ["another site", "https://evil.example/steal"],
    ["a protocol-relative URL", "//evil.example/steal"],
    ["a backslash trick", "/\\evil.example"],
    ["a double slash path on our host", rootUrl("//evil.example")],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a practice's host", rootUrl("/").replace("://", "://bright-smiles.")],
    ["the sign-in page itself", "/sign-in?callbackUrl=/dashboard"],
    ["nothing", undefined],
  ])("falls back to /dashboard for %s", (_label, raw) => {
    expect(safeCallbackUrl(raw)).toBe("/dashboard");
  });
});
