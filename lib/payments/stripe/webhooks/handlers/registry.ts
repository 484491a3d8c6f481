import type { EventHandlerRegistry } from "../event-handler";
import { handleAccountUpdated } from "./account-updated";

/** The handler for each allowed event type; a type without one here is acknowledged and ignored. Adding one is one line. */
export const eventHandlers: EventHandlerRegistry = {
  "account.updated": handleAccountUpdated,
};
