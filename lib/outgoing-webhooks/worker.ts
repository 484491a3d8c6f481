import type { Worker } from "@/lib/jobs/worker";
import { deliverDue } from "./deliver";
import { enqueuePaymentEvents } from "./events";

/** Outgoing webhooks: turns payment-feed changes into deliveries, then sends what is due (safe in many processes). */
export const outgoingWebhooksWorker: Worker = {
  name: "outgoing-webhooks",
  intervalMs: 5_000,
  async runOnce(db, now) {
    const queued = await enqueuePaymentEvents(db, now);
    const sent = await deliverDue(db, now);
    return queued + sent;
  },
};
