import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { linkSignUpSchema } from "@/lib/auth/schemas";
import { createLinkAccount } from "@/lib/auth/sign-up";

describe("signing up with a link", () => {
  it("creates a password-less, unverified account once, and leaves an existing account alone", async () => {
    const db = await getDb();
    const input = linkSignUpSchema.parse({ name: "Lina", email: "  Lina@Example.TEST " });
    await createLinkAccount(db, input);
    await createLinkAccount(db, { ...input, name: "Someone Else" });
    const rows = await db.select().from(users).where(eq(users.email, "lina@example.test"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "Lina", passwordHash: null, emailVerified: null });
  });

  it("asks for a name and a valid email", () => {
    const r = linkSignUpSchema.safeParse({ name: "", email: "nope" });
    expect(r.error?.issues.map((i) => i.message)).toEqual(["Enter your name.", "Enter a valid email address, like name@example.com."]);
  });
});
