import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { devOutbox } from "@/db/schema";
import { MAGIC_LINKS_PER_HOUR, NO_ACCOUNT_SUBJECT, SIGN_IN_SUBJECT, sendMagicLinkEmail } from "@/lib/auth/magic-link-email";
import { rootUrl } from "@/lib/tenancy/urls";
import { insertUser } from "./records";

async function lastEmailTo(db: Database, to: string) {
  const [row] = await db.select().from(devOutbox).where(eq(devOutbox.toAddress, to)).orderBy(desc(devOutbox.createdAt)).limit(1);
  return row;
}

describe("the sign-in link email", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  it("sends an account holder a link on the root host even when the request named another host", async () => {
    await insertUser(db, { email: "linker@example.test" });
    // What Auth.js would build from a forged Host header.
    const fromAuthJs = "https://evil.example/api/auth/callback/email?callbackUrl=%2Fdashboard&token=abc123&email=linker%40example.test";
    await sendMagicLinkEmail(db, "linker@example.test", fromAuthJs);

    const email = await lastEmailTo(db, "linker@example.test");
    const expected = rootUrl("/api/auth/callback/email?callbackUrl=%2Fdashboard&token=abc123&email=linker%40example.test");
    expect(email?.subject).toBe(SIGN_IN_SUBJECT);
    expect(email?.tenantId).toBeNull();
    expect(email?.text).toContain(expected);
    expect(email?.html).toContain(`href="${expected.replaceAll("&", "&amp;")}"`);
    expect(`${email?.text}${email?.html}`).not.toContain("evil.example");
  });

  it("sends an address without an account a notice that contains no sign-in link", async () => {
    await sendMagicLinkEmail(db, "stranger@example.test", rootUrl("/api/auth/callback/email?token=secret-token&email=stranger%40example.test"));
    const email = await lastEmailTo(db, "stranger@example.test");
    expect(email?.subject).toBe(NO_ACCOUNT_SUBJECT);
    expect(email?.text).toContain(rootUrl("/sign-up"));
    expect(`${email?.text}${email?.html}`).not.toContain("secret-token");
  });

  it("stops sending to one address after the hourly limit, without telling the requester", async () => {
    await insertUser(db, { email: "flooded@example.test" });
    const link = rootUrl("/api/auth/callback/email?token=t&email=flooded%40example.test");
    for (let i = 0; i < MAGIC_LINKS_PER_HOUR + 2; i++) await expect(sendMagicLinkEmail(db, "flooded@example.test", link)).resolves.toBeUndefined();
    const sent = await db.select().from(devOutbox).where(eq(devOutbox.toAddress, "flooded@example.test"));
    expect(sent).toHaveLength(MAGIC_LINKS_PER_HOUR);
  });
});
