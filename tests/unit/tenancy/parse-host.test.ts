import { describe, expect, it } from "vitest";
import { parseHost, type HostTarget } from "@/lib/tenancy/parse-host";

const root: HostTarget = { kind: "root" };
const invalid: HostTarget = { kind: "invalid" };
const tenant = (slug: string): HostTarget => ({ kind: "tenant", slug });
const reserved = (label: string): HostTarget => ({ kind: "reserved", label });

describe("parseHost with ROOT_DOMAIN=localhost:3000", () => {
  const cases: [string | null | undefined, HostTarget][] = [
    ["localhost:3000", root],
    ["localhost", root],
    ["LOCALHOST:3000", root],
    ["bright-smiles.localhost:3000", tenant("bright-smiles")],
    ["bright-smiles.localhost", tenant("bright-smiles")],
    ["Bright-Smiles.LocalHost:3000", tenant("bright-smiles")],
    ["bright-smiles.localhost:4123", tenant("bright-smiles")],
    ["bright-smiles.localhost.:3000", tenant("bright-smiles")],
    ["  bright-smiles.localhost:3000  ", tenant("bright-smiles")],
    ["www.localhost:3000", root],
    ["app.localhost:3000", root],
    ["api.localhost:3000", reserved("api")],
    ["admin.localhost:3000", reserved("admin")],
    ["support.localhost:3000", reserved("support")],
    ["mail.localhost:3000", reserved("mail")],
    ["127.0.0.1:3000", root],
    ["127.0.0.1", root],
    ["[::1]:3000", root],
    ["[::1]", root],
    [null, root],
    [undefined, root],
    ["", root],
    ["ab.localhost:3000", invalid],
    ["-bad.localhost:3000", invalid],
    ["bad-.localhost:3000", invalid],
    ["two--hyphens.localhost:3000", invalid],
    ["under_score.localhost:3000", invalid],
    [`${"a".repeat(41)}.localhost:3000`, invalid],
    [`${"a".repeat(40)}.localhost:3000`, tenant("a".repeat(40))],
    ["abc.localhost:3000", tenant("abc")],
    ["x.y.localhost:3000", invalid],
    ["bright-smiles.localhost:abc", invalid],
    ["bright-smiles.localhost:3000:3000", invalid],
    ["bright smiles.localhost:3000", invalid],
    ["bright/smiles.localhost", invalid],
    ["<script>.localhost", invalid],
    ["..localhost", invalid],
    [".localhost", invalid],
    ["[::1", invalid],
    ["[::1]:x", invalid],
    [`${"a".repeat(300)}.localhost`, invalid],
    ["other-site.example.com", root],
  ];
  it.each(cases)("maps %j", (host, expected) => {
    expect(parseHost(host, "localhost:3000")).toEqual(expected);
  });
});

describe("parseHost with a real ROOT_DOMAIN", () => {
  const cases: [string, HostTarget][] = [
    ["chairside.app", root],
    ["CHAIRSIDE.APP:443", root],
    ["www.chairside.app", root],
    ["app.chairside.app", root],
    ["bright-smiles.chairside.app", tenant("bright-smiles")],
    ["bright-smiles.chairside.app:443", tenant("bright-smiles")],
    ["BRIGHT-SMILES.Chairside.App", tenant("bright-smiles")],
    ["api.chairside.app", reserved("api")],
    ["www.bright-smiles.chairside.app", invalid],
    ["bright-smiles.chairside.app.evil.com", root],
    ["bright-smileschairside.app", root],
    ["chairside-app.vercel.app", root],
    ["10.0.0.7:8080", root],
    // A localhost subdomain means nothing once the product has a real domain.
    ["bright-smiles.localhost:3000", root],
  ];
  it.each(cases)("maps %j", (host, expected) => {
    expect(parseHost(host, "chairside.app")).toEqual(expected);
  });

  it("ignores a port on the configured root domain", () => {
    expect(parseHost("bright-smiles.chairside.test:8443", "chairside.test:8443")).toEqual(tenant("bright-smiles"));
  });
});
