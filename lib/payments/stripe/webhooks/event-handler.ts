import type { Database, Transaction } from "@/db/client";
import type { AllowedEvent, AllowedEventType } from "./allowed-events";

/** What a handler tells the dispatcher about the event it applied. */
export interface HandledEvent {
  /** The practice the event concerned, recorded on processor_events; null when it matched none. */
  tenantId: string | null;
  /** Set when the practice's ability to take charges changed: its patient portal is revalidated. */
  portalSlug?: string;
  /**
   * Work for after the commit (network calls: reading the card from Stripe, sending the receipt).
   * Runs once, only for the delivery that applied the event; must not throw (the event is recorded).
   */
  afterCommit?: (db: Database) => Promise<void>;
}

/**
 * Applies one event inside the transaction that records its id. Throwing rolls both back and
 * answers 500, so Stripe retries; never call the network here (the transaction is open).
 */
export type EventHandler<T extends AllowedEventType> = (tx: Transaction, event: AllowedEvent<T>) => Promise<HandledEvent>;

/** One optional handler per allowed type. */
export type EventHandlerRegistry = { readonly [T in AllowedEventType]?: EventHandler<T> };
