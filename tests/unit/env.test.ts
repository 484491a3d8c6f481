import { describe, expect, it } from "vitest";
import { driverConfig } from "@/db/client";
import { parseEnv } from "@/lib/env";

const serverUrl = "postgres://postgres@127.0.0.1:5432/chairside";
const neonUrl = "postgresql://app:secret@ep-quiet-sun-123456.us-east-2.aws.neon.tech/neondb?sslmode=require";

function parseError(raw: Record<string, string | undefined>): string {
  try {
    parseEnv(raw);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("parseEnv accepted the environment");
}

describe("parseEnv", () => {
  it("needs nothing set: an empty environment gets the embedded defaults", () => {
    const env = parseEnv({});

    expect(env).toMatchObject({
      NODE_ENV: "development",
      ROOT_DOMAIN: "localhost:3000",
      PGLITE_DIR: ".data/pglite",
      SEED_DEMO: "1",
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.POSTGRES_URL).toBeUndefined();
    expect(env.STRIPE_SECRET_KEY).toBeUndefined();
  });

  it("keeps well-formed values as given and ignores variables it does not know", () => {
    const env = parseEnv({ DATABASE_URL: serverUrl, ROOT_DOMAIN: "chairside.app", PATH: "/usr/bin" });

    expect(env.DATABASE_URL).toBe(serverUrl);
    expect(env.ROOT_DOMAIN).toBe("chairside.app");
    expect(env).not.toHaveProperty("PATH");
  });

  it("names a malformed DATABASE_URL in its error", () => {
    const message = parseError({ DATABASE_URL: "not a url" });

    expect(message).toMatch(/^Invalid environment configuration:/);
    expect(message).toContain("DATABASE_URL:");
  });

  it("names a ROOT_DOMAIN that is not a bare lower-case host and says what it should be", () => {
    const message = parseError({ ROOT_DOMAIN: "Bad_Host" });

    expect(message).toContain("ROOT_DOMAIN: must be a bare host such as chairside.app or localhost:3000");
    expect(message).not.toContain("DATABASE_URL");
  });

  it("names every bad variable in one message", () => {
    const message = parseError({ DATABASE_URL: "not a url", ROOT_DOMAIN: "Bad_Host", AUTH_SECRET: "short" });

    expect(message).toContain("DATABASE_URL:");
    expect(message).toContain("ROOT_DOMAIN:");
    expect(message).toContain("AUTH_SECRET: must be at least 16 characters");
  });

  it("treats empty strings as unset, so defaults apply and optional URLs stay absent", () => {
    const env = parseEnv({ DATABASE_URL: "", POSTGRES_URL: "", ROOT_DOMAIN: "", PGLITE_DIR: "", AUTH_SECRET: "" });

    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.POSTGRES_URL).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(env.ROOT_DOMAIN).toBe("localhost:3000");
    expect(env.PGLITE_DIR).toBe(".data/pglite");
  });
});

describe("driverConfig", () => {
  it("uses the Neon driver when POSTGRES_URL is set, even alongside DATABASE_URL", () => {
    expect(driverConfig(parseEnv({ POSTGRES_URL: neonUrl, DATABASE_URL: serverUrl }))).toEqual({
      kind: "neon",
      url: neonUrl,
      wsProxy: undefined,
    });
  });

  it("passes NEON_WS_PROXY to the Neon driver", () => {
    expect(driverConfig(parseEnv({ POSTGRES_URL: serverUrl, NEON_WS_PROXY: "127.0.0.1:4444/v1" }))).toEqual({
      kind: "neon",
      url: serverUrl,
      wsProxy: "127.0.0.1:4444/v1",
    });
  });

  it("uses node-postgres when only DATABASE_URL is set", () => {
    expect(driverConfig(parseEnv({ DATABASE_URL: serverUrl }))).toEqual({ kind: "node-postgres", url: serverUrl });
  });

  it("uses node-postgres when POSTGRES_URL is present but empty", () => {
    expect(driverConfig(parseEnv({ POSTGRES_URL: "", DATABASE_URL: serverUrl }))).toEqual({
      kind: "node-postgres",
      url: serverUrl,
    });
  });

  it("falls back to the embedded PGlite folder when no database URL is set", () => {
    expect(driverConfig(parseEnv({}))).toEqual({ kind: "pglite", dir: ".data/pglite" });
    expect(driverConfig(parseEnv({ PGLITE_DIR: "/var/lib/chairside" }))).toEqual({ kind: "pglite", dir: "/var/lib/chairside" });
  });
});
