import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { devOutbox } from "@/db/schema";
import { runAllOnce } from "@/lib/jobs/run-workers";
import { WORKERS } from "@/lib/jobs/workers";
import { queueMessages, reload, sendingPractice } from "./queue-harness";

// No RESEND_API_KEY and no TWILIO_*: the demo's situation. Both channels land in the dev outbox.
let db: Database;

beforeAll(async () => {
  for (const name of ["RESEND_API_KEY", "RESEND_BASE_URL", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM", "TWILIO_API_BASE"]) delete process.env[name];
  process.env.AUTH_SECRET ??= "outbox-tests-auth-secret-0123456789";
  db = await getDb();
});

describe("sending with no provider configured", () => {
  it("puts queued emails and texts in the dev outbox through the registered background worker", async () => {
    const practice = await sendingPractice(db);
    const emails = await queueMessages(db, practice, "email", 2);
    const [text] = await queueMessages(db, practice, "sms", 1);

    // The same round the in-process loop and the cron route run; 16:00 UTC is daytime in Chicago.
    const reports = await runAllOnce(db, new Date("2026-11-27T16:00:00Z"), WORKERS.filter((w) => w.name === "message-queue"));
    expect(reports).toEqual([{ name: "message-queue", handled: 3 }]);

    const outbox = await db.select().from(devOutbox).where(eq(devOutbox.tenantId, practice.tenantId));
    expect(outbox).toHaveLength(3);
    for (const row of await reload(db, [...emails, text!])) {
      const entry = outbox.find((o) => o.id === row.providerMessageId);
      expect(entry).toMatchObject({ channel: row.channel, toAddress: row.toAddress });
      expect(row.status).toBe("sent");
    }
    const email = outbox.find((o) => o.channel === "email")!;
    expect(email.subject).toBe("Your balance at Bright Smiles Dental");
    expect(email.html).toContain(">Unsubscribe</a>");
    expect(outbox.find((o) => o.channel === "sms")!.text).toBe(text!.body);
  });
});
