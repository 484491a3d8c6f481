import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { patients } from "./patients";
import { tenants } from "./tenants";

export const messageChannel = pgEnum("message_channel", ["email", "sms"]);
export const messageStatus = pgEnum("message_status", ["queued", "sending", "sent", "delivered", "failed", "bounced", "complained"]);

/** A message sent to a patient on behalf of a practice. */
export const messages = pgTable(
  "messages",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    patientId: uuid("patient_id").references(() => patients.id, { onDelete: "set null" }),
    channel: messageChannel("channel").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject"),
    body: text("body").notNull(),
    status: messageStatus("status").notNull().default("queued"),
    providerMessageId: text("provider_message_id"),
    error: text("error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("messages_tenant_created_idx").on(t.tenantId, t.createdAt), index("messages_tenant_patient_idx").on(t.tenantId, t.patientId)],
);

/** Where email and texts land when no provider is configured, so the demo works offline. */
export const devOutbox = pgTable(
  "dev_outbox",
  {
    id: id(),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    channel: messageChannel("channel").notNull(),
    toAddress: text("to_address").notNull(),
    fromAddress: text("from_address").notNull(),
    subject: text("subject"),
    html: text("html"),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("dev_outbox_created_idx").on(t.createdAt), index("dev_outbox_tenant_idx").on(t.tenantId, t.createdAt)],
);

export type Message = typeof messages.$inferSelect;
export type OutboxEntry = typeof devOutbox.$inferSelect;
