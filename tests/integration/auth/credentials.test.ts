import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { insertUser } from "./records";

describe("signing in with email and password", () => {
  let db: Database;
  let user: Awaited<ReturnType<typeof insertUser>>;

  beforeAll(async () => {
    db = await getDb();
    user = await insertUser(db, { email: "dana@example.test", name: "Dana", password: "correct-horse-battery", platformRole: "support" });
  });

  it("returns the account, without its password hash, for the right password", async () => {
    const result = await authorizeCredentials(db, { email: "dana@example.test", password: "correct-horse-battery" });
    expect(result).toEqual({ id: user.id, email: "dana@example.test", name: "Dana", platformRole: "support" });
  });

  it("matches the email whatever its case and surrounding spaces", async () => {
    const result = await authorizeCredentials(db, { email: "  Dana@Example.TEST ", password: "correct-horse-battery" });
    expect(result?.id).toBe(user.id);
  });

  it("returns the same null for a wrong password and for an unknown email", async () => {
    const wrongPassword = await authorizeCredentials(db, { email: "dana@example.test", password: "wrong-password-123" });
    const unknownEmail = await authorizeCredentials(db, { email: "nobody@example.test", password: "correct-horse-battery" });
    expect(wrongPassword).toBeNull();
    expect(unknownEmail).toBeNull();
  });

  it("spends bcrypt time on an unknown email too, so timing does not reveal accounts", async () => {
    const time = async (email: string) => {
      const started = performance.now();
      await authorizeCredentials(db, { email, password: "wrong-password-123" });
      return performance.now() - started;
    };
    const known = await time("dana@example.test");
    const unknown = await time("nobody@example.test");
    expect(unknown).toBeGreaterThan(known / 2);
  });

  it("refuses an account that has no password (made through a magic link)", async () => {
    await insertUser(db, { email: "linkonly@example.test", password: null });
    expect(await authorizeCredentials(db, { email: "linkonly@example.test", password: "anything-at-all" })).toBeNull();
  });

  it("returns null for malformed credentials instead of throwing", async () => {
    expect(await authorizeCredentials(db, { email: "not-an-email", password: "x" })).toBeNull();
    expect(await authorizeCredentials(db, undefined)).toBeNull();
  });

  it("refuses even the right password after ten failures for that email, without counting successes", async () => {
    await insertUser(db, { email: "guessed@example.test", name: "G", password: "right-password-1" });
    for (let i = 0; i < 3; i++) expect(await authorizeCredentials(db, { email: "guessed@example.test", password: "right-password-1" })).not.toBeNull();
    for (let i = 0; i < 10; i++) await authorizeCredentials(db, { email: "guessed@example.test", password: `wrong-guess-${i}0` }, "203.0.113.9");
    expect(await authorizeCredentials(db, { email: "guessed@example.test", password: "right-password-1" })).toBeNull();
    // Another account is unaffected by that email's failures.
    expect(await authorizeCredentials(db, { email: "dana@example.test", password: "correct-horse-battery" })).not.toBeNull();
  });
});
