import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { getDb, type Database } from "@/db/client";
import { authCallbacks } from "@/lib/auth/callbacks";
import { insertUser } from "./records";

// The callbacks are plain functions; Auth.js calls them with more arguments than these tests need.
const { jwt, session, signIn } = authCallbacks;

describe("the Auth.js callbacks", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  it("put the user id and platform role into the token, and nothing else from the stored row", async () => {
    const storedRow = { id: "user-1", email: "a@example.test", name: "A", platformRole: "support" as const, passwordHash: "$2b$12$secret" };
    const token = await jwt({ token: { email: "a@example.test", name: "A" }, user: storedRow } as never);
    expect(token).toEqual({ email: "a@example.test", name: "A", sub: "user-1", platformRole: "support" });
  });

  it("give the app a session user with exactly id, email, name and platform role", async () => {
    const result = await session({
      session: { user: { name: "A", email: "a@example.test", image: null }, expires: "2099-01-01T00:00:00.000Z" },
      token: { sub: "user-1", email: "a@example.test", name: "A", platformRole: null, picture: "x" },
    } as never);
    expect(result.user).toEqual({ id: "user-1", email: "a@example.test", name: "A", platformRole: null });
  });

  it("refuse a magic-link sign-in for an address without an account, so links never create accounts", async () => {
    await insertUser(db, { email: "member@example.test" });
    const callback = (email: string) =>
      signIn({ user: { id: "random", email }, account: { type: "email", provider: "email", providerAccountId: email } } as never);
    expect(await callback("member@example.test")).toBe(true);
    expect(await callback("nobody@example.test")).toBe(false);
  });

  it("clear a password nobody proved they owned when the address's owner first signs in by link", async () => {
    const squatted = await insertUser(db, { email: "victim@example.test", password: "squatter-password-1" });
    const verified = await insertUser(db, { email: "owner2@example.test", password: "owners-password-1" });
    await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, verified.id));
    const link = (email: string) => signIn({ user: { id: "x", email }, account: { type: "email", provider: "email", providerAccountId: email } } as never);
    expect(await link("victim@example.test")).toBe(true);
    expect(await link("owner2@example.test")).toBe(true);
    const [victim] = await db.select().from(users).where(eq(users.id, squatted.id));
    const [owner] = await db.select().from(users).where(eq(users.id, verified.id));
    expect(victim?.passwordHash).toBeNull();
    expect(owner?.passwordHash).not.toBeNull();
  });
});
