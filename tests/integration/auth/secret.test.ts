import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { resolveAuthSecret } from "@/lib/auth/secret";

describe("the Auth.js secret", () => {
  const dirs: string[] = [];
  function secretFile(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chairside-secret-"));
    dirs.push(dir);
    return path.join(dir, ".data", "auth-secret");
  }
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is generated once on the embedded database, kept in a file only its owner can read, and reused", () => {
    const file = secretFile();
    const embedded = parseEnv({});
    const first = resolveAuthSecret(embedded, file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(fs.readFileSync(file, "utf8")).toBe(first);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret(embedded, file)).toBe(first);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["auth-secret"]);
  });

  it("is AUTH_SECRET when set, and then no file is written", () => {
    const file = secretFile();
    expect(resolveAuthSecret(parseEnv({ AUTH_SECRET: "a-configured-secret-value" }), file)).toBe("a-configured-secret-value");
    expect(fs.existsSync(file)).toBe(false);
  });

  it("refuses to be made up when a real database is configured, naming AUTH_SECRET", () => {
    const file = secretFile();
    expect(() => resolveAuthSecret(parseEnv({ DATABASE_URL: "postgres://db.example.test/app" }), file)).toThrow(/AUTH_SECRET is not set/);
    expect(() => resolveAuthSecret(parseEnv({ POSTGRES_URL: "postgres://db.example.test/app" }), file)).toThrow(/AUTH_SECRET/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("refuses a damaged secret file rather than signing with a weak secret", () => {
    const file = secretFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "short");
    expect(() => resolveAuthSecret(parseEnv({}), file)).toThrow(/damaged/);
  });
});
