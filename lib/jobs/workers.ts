import { reminderWorker } from "@/lib/message-to-pay/reminders";
import { messageWorker } from "@/lib/messaging/queue/message-worker";
import { outgoingWebhooksWorker } from "@/lib/outgoing-webhooks/worker";
import type { Worker } from "./worker";

// Every background worker the app runs, in-process (lib/jobs/run-workers.ts) or from the cron route.
// Add one line per worker.
export const WORKERS: Worker[] = [
  reminderWorker,
  messageWorker,
  outgoingWebhooksWorker,
];
