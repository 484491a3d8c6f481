import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { devOutbox, users } from "@/db/schema";
import { confirmEmailToken, isEmailVerified, sendEmailVerification } from "@/lib/auth/email-verification";

let db: Database;
beforeAll(async () => {
  db = await getDb();
});

async function newUser(email: string) {
  const [u] = await db.insert(users).values({ email, name: "New" }).returning();
  return u!;
}

function tokenFromOutbox(text: string): string {
  return /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;
}

describe("email verification", () => {
  it("confirms the address with the emailed link, once", async () => {
    const user = await newUser("verify-me@example.test");
    expect(await isEmailVerified(db, user.id)).toBe(false);
    expect(await sendEmailVerification(db, user.email)).toBe(true);
    const [mail] = await db.select().from(devOutbox).where(eq(devOutbox.toAddress, user.email));
    const token = tokenFromOutbox(mail!.text);
    expect(await confirmEmailToken(db, token)).toBe(user.email);
    expect(await isEmailVerified(db, user.id)).toBe(true);
    expect(await confirmEmailToken(db, token)).toBeNull();
  });

  it("refuses an expired or made-up link", async () => {
    const user = await newUser("late@example.test");
    const sentAt = new Date(Date.now() - 25 * 3600_000);
    await sendEmailVerification(db, user.email, sentAt);
    const [mail] = await db.select().from(devOutbox).where(eq(devOutbox.toAddress, user.email));
    expect(await confirmEmailToken(db, tokenFromOutbox(mail!.text))).toBeNull();
    expect(await confirmEmailToken(db, "made-up")).toBeNull();
    expect(await isEmailVerified(db, user.id)).toBe(false);
  });

  it("sends at most five links an hour to one address", async () => {
    const user = await newUser("spam@example.test");
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await sendEmailVerification(db, user.email));
    expect(results).toEqual([true, true, true, true, true, false]);
  });
});
