import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { messages, paymentRequests } from "@/db/schema";

/**
 * Revokes a request's personal link (it then opens the "no longer valid" page), stops its reminders and cancels
 * its messages still waiting in the queue. False for another practice's id or one already revoked.
 */
export async function revokeRequest(db: Executor, tenantId: string, requestId: string, now = new Date()): Promise<boolean> {
  const updated = await db
    .update(paymentRequests)
    .set({ revokedAt: now, nextReminderAt: null })
    .where(and(eq(paymentRequests.id, requestId), eq(paymentRequests.tenantId, tenantId), isNull(paymentRequests.revokedAt)))
    .returning({ id: paymentRequests.id });
  if (updated.length === 0) return false;
  await db
    .update(messages)
    .set({ status: "canceled" })
    .where(and(eq(messages.tenantId, tenantId), eq(messages.requestId, requestId), eq(messages.status, "queued")));
  return true;
}
