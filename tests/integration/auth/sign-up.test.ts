import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { buildSignUpAction, DUPLICATE_EMAIL_MESSAGE } from "@/lib/auth/sign-up";
import { form, insertUser } from "./records";

describe("the sign-up action", () => {
  let db: Database;
  // The real action signs in through Auth.js; here the session step just records who it was called for.
  const sessionsStarted: string[] = [];
  const signUp = buildSignUpAction(async ({ email }) => {
    sessionsStarted.push(email);
  });

  beforeAll(async () => {
    db = await getDb();
  });

  it("returns a message per invalid field and creates nothing", async () => {
    const result = await signUp(null, form({ name: "  ", email: "not-an-email", password: "short" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.name).toEqual(["Enter your name."]);
    expect(result.fieldErrors?.email).toEqual(["Enter a valid email address, like name@example.com."]);
    expect(result.fieldErrors?.password).toEqual(["Use at least 10 characters."]);
    expect(await db.select().from(users).where(eq(users.email, "not-an-email"))).toEqual([]);
    expect(sessionsStarted).toEqual([]);
  });

  it("gives the typed name and email back, but never the password", async () => {
    const result = await signUp(null, form({ name: "Pat", email: "pat@example.test", password: "short" }));
    expect(result.ok === false && result.values).toEqual({ name: "Pat", email: "pat@example.test" });
  });

  it("creates the account with a bcrypt hash of the password, never the password itself, and signs the user in", async () => {
    const result = await signUp(null, form({ name: " Robin Reyes ", email: "Robin@Example.test", password: "a-long-enough-password" }));
    expect(result.ok).toBe(true);
    const [row] = await db.select().from(users).where(eq(users.email, "robin@example.test"));
    expect(row?.name).toBe("Robin Reyes");
    expect(row?.passwordHash).not.toContain("a-long-enough-password");
    expect(row?.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(await verifyPassword("a-long-enough-password", row?.passwordHash)).toBe(true);
    expect(sessionsStarted).toEqual(["robin@example.test"]);
  });

  it("puts a duplicate email's message on the email field, keeps the existing account and signs nobody in", async () => {
    const existing = await insertUser(db, { email: "taken@example.test", name: "First" });
    const before = sessionsStarted.length;
    const result = await signUp(null, form({ name: "Second", email: "TAKEN@example.test", password: "another-long-password" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: [DUPLICATE_EMAIL_MESSAGE] } });
    const rows = await db.select().from(users).where(eq(users.email, "taken@example.test"));
    expect(rows.map((r) => [r.id, r.name])).toEqual([[existing.id, "First"]]);
    expect(sessionsStarted.length).toBe(before);
  });

  it("refuses a password longer than bcrypt can use", async () => {
    const result = await signUp(null, form({ name: "Long", email: "long@example.test", password: "x".repeat(73) }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { password: ["Use at most 72 characters."] } });
  });
});
