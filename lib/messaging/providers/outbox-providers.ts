import type { Executor } from "@/db/client";
import { devOutbox } from "@/db/schema";
import type { EmailProvider, OutgoingEmail, TextProvider } from "./provider-types";

// With no provider configured, messages land in the dev outbox (/dev/outbox) so the demo shows them.

/** Email into the dev outbox; the outbox row id stands in for the provider's id. */
export function outboxEmailProvider(db: Executor, from: string): EmailProvider {
  const insert = (emails: OutgoingEmail[]) =>
    db
      .insert(devOutbox)
      .values(emails.map((e) => ({ tenantId: e.tenantId, channel: "email" as const, toAddress: e.to, fromAddress: from, subject: e.subject, html: e.html, text: e.text })))
      .returning({ id: devOutbox.id });
  return {
    name: "outbox",
    async sendOne(email) {
      const [row] = await insert([email]);
      return { ok: true, providerId: row!.id };
    },
    async sendBatch(emails) {
      // RETURNING follows the VALUES order, so ids line up with the input.
      const rows = await insert(emails);
      return { ok: true, providerIds: rows.map((r) => r.id) };
    },
  };
}

/** Texts into the dev outbox. */
export function outboxTextProvider(db: Executor, from: string): TextProvider {
  return {
    name: "outbox",
    async send(text) {
      const [row] = await db
        .insert(devOutbox)
        .values({ tenantId: text.tenantId, channel: "sms", toAddress: text.to, fromAddress: from, text: text.body })
        .returning({ id: devOutbox.id });
      return { ok: true, providerId: row!.id };
    },
  };
}
