import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env, type Env } from "@/lib/env";

// Auth.js cannot sign a session without a secret. A real deployment must set AUTH_SECRET (every
// instance has to agree on it); the embedded default makes one up once so `npm run dev` needs nothing.

export const DEFAULT_SECRET_FILE = path.join(".data", "auth-secret");

/** AUTH_SECRET when set; on the embedded database a secret generated once and kept in `file` (mode 0600); otherwise throws naming AUTH_SECRET. */
export function resolveAuthSecret(e: Env = env(), file: string = DEFAULT_SECRET_FILE): string {
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  if (e.DATABASE_URL || e.POSTGRES_URL) {
    throw new Error(
      "AUTH_SECRET is not set. With DATABASE_URL or POSTGRES_URL (a real database) Chairside refuses to start without it, " +
        "because sessions must survive restarts and every instance must share one secret. " +
        "Generate one with `openssl rand -base64 32` and set AUTH_SECRET.",
    );
  }
  return readOrCreateSecretFile(file);
}

function readOrCreateSecretFile(file: string): string {
  const existing = readSecretFile(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write a temp file then hard-link it into place: the link fails if another process won the race,
  // and nobody can ever read a half-written secret.
  const tmp = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
  fs.writeFileSync(tmp, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  const created = readSecretFile(file);
  if (!created) throw new Error(`Could not create the Auth.js secret file ${file}.`);
  return created;
}

function readSecretFile(file: string): string | null {
  let content: string;
  try {
    content = fs.readFileSync(file, "utf8").trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  if (content.length < 32) throw new Error(`The Auth.js secret file ${file} is damaged. Delete it (everyone will be signed out) and restart.`);
  return content;
}

let cached: string | undefined;

/** The process-wide Auth.js secret, resolved on first use (see resolveAuthSecret). */
export function authSecret(): string {
  cached ??= resolveAuthSecret();
  return cached;
}
