import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { devOutbox } from "@/db/schema";
import { env } from "@/lib/env";

/** The dev outbox is readable in development, or in a production build only when DEV_OUTBOX=1 (demo, e2e). */
export function isOutboxVisible(): boolean {
  const e = env();
  return e.NODE_ENV !== "production" || e.DEV_OUTBOX === "1";
}

/** Newest outbox entries first. */
export function listOutbox(db: Executor, limit = 100) {
  return db.select().from(devOutbox).orderBy(desc(devOutbox.createdAt)).limit(limit);
}

/** One outbox entry, or undefined. */
export async function getOutboxEntry(db: Executor, id: string) {
  const [row] = await db.select().from(devOutbox).where(eq(devOutbox.id, id));
  return row;
}
