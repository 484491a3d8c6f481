import { eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { processorEvents } from "@/db/schema";
import type { AllowedEvent } from "./allowed-events";
import type { HandledEvent } from "./event-handler";
import { eventHandlers } from "./handlers/registry";

export type EventOutcome = { outcome: "processed"; portalSlug?: string } | { outcome: "duplicate" } | { outcome: "ignored" };

type AnyEventHandler = (tx: Transaction, event: AllowedEvent) => Promise<HandledEvent>;

function handlerFor(event: AllowedEvent): AnyEventHandler | undefined {
  // The registry's mapped type pairs each type with its handler; TypeScript can't follow that through an index.
  return eventHandlers[event.type] as AnyEventHandler | undefined;
}

/**
 * Applies a verified event exactly once: its id goes into processor_events (unique) in the same
 * transaction as the handler's effect, so a replay or a concurrent duplicate is a no-op and a
 * failure leaves neither (the error propagates; answer 500 so Stripe retries). The handler's
 * after-commit work runs once the transaction has committed, and its failures are only logged.
 */
export async function handleStripeEvent(db: Database, event: AllowedEvent): Promise<EventOutcome> {
  const handler = handlerFor(event);
  if (!handler) return { outcome: "ignored" };
  // A holder, not a `let`: TypeScript doesn't see assignments made inside the callback.
  const later: { afterCommit?: HandledEvent["afterCommit"] } = {};
  const outcome = await db.transaction(async (tx) => {
    // The unique id is also the lock: a concurrent delivery of this event waits here for our commit, then finds the row.
    const claimed = await tx
      .insert(processorEvents)
      .values({ eventId: event.id, type: event.type })
      .onConflictDoNothing({ target: processorEvents.eventId })
      .returning({ id: processorEvents.id });
    if (claimed.length === 0) return { outcome: "duplicate" } as const;
    const handled = await handler(tx, event);
    if (handled.tenantId) await tx.update(processorEvents).set({ tenantId: handled.tenantId }).where(eq(processorEvents.eventId, event.id));
    later.afterCommit = handled.afterCommit;
    return { outcome: "processed", portalSlug: handled.portalSlug } as const;
  });
  if (outcome.outcome === "processed" && later.afterCommit) {
    try {
      await later.afterCommit(db);
    } catch (err) {
      console.error(`After-commit work for Stripe ${event.type} ${event.id} failed; the event stays applied.`, err instanceof Error ? err.name : "unknown");
    }
  }
  return outcome;
}
