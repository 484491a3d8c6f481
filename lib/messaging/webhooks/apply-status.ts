import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { messages, type MessageStatus } from "@/db/schema";

/** A status a provider can report about a message it accepted. */
export type ReportedStatus = "sent" | "delivered" | "failed" | "bounced" | "complained";

// Reports arrive late, twice, or out of order; a message only ever moves forward. A report can also arrive
// before the worker recorded the send ('sending'), or about a text we marked failed "outcome unknown" — the
// provider knows better than our guess, so both move on.
const MAY_FOLLOW: Record<ReportedStatus, MessageStatus[]> = {
  sent: ["sending", "failed"],
  delivered: ["sending", "sent", "failed"],
  failed: ["sending", "sent"],
  bounced: ["sending", "sent", "delivered"],
  complained: ["sending", "sent", "delivered", "bounced"],
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface StatusReport {
  channel: "email" | "sms";
  /** Our message id when the provider echoes it (Resend tag, Twilio callback URL); trusted only with a valid signature. */
  messageId: string | null;
  providerId: string;
  status: ReportedStatus;
  at: Date;
  error?: string;
}

/** Applies a provider's report if it moves the message forward; returns the updated row (null: unknown or stale report). */
export async function applyStatusReport(db: Executor, report: StatusReport) {
  const match: SQL | undefined =
    report.messageId && UUID.test(report.messageId)
      ? and(eq(messages.id, report.messageId), or(isNull(messages.providerMessageId), eq(messages.providerMessageId, report.providerId)))
      : eq(messages.providerMessageId, report.providerId);
  const [row] = await db
    .update(messages)
    .set({
      status: report.status,
      providerMessageId: report.providerId,
      lockedUntil: null,
      sentAt: sql`coalesce(${messages.sentAt}, ${report.at.toISOString()}::timestamptz)`,
      ...(report.status === "delivered" ? { deliveredAt: report.at, error: null } : {}),
      ...(report.error ? { error: report.error } : {}),
      updatedAt: new Date(),
    })
    .where(and(match, eq(messages.channel, report.channel), inArray(messages.status, MAY_FOLLOW[report.status])))
    .returning();
  return row ?? null;
}
