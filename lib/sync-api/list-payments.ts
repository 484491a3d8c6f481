import type { z } from "zod";
import type { Executor } from "@/db/client";
import { decodeFeedCursor, encodeFeedCursor } from "./feed-cursor";
import { readPaymentsFeed } from "./payments-feed";
import type { ProblemItem } from "./problem";
import { paymentsQuery, type paymentsPage } from "./schemas";
import { issuesToProblems } from "./validation-errors";

/** One page of GET /api/v1/payments for the practice, or the query's problems (pointers like `/query/limit`). */
export async function listPaymentsPage(db: Executor, tenantId: string, url: URL): Promise<{ ok: true; page: z.output<typeof paymentsPage> } | { ok: false; errors: ProblemItem[] }> {
  const parsed = paymentsQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return { ok: false, errors: issuesToProblems(parsed.error, ["query"]) };
  const position = parsed.data.after === undefined ? 0 : decodeFeedCursor(parsed.data.after);
  if (position === null) return { ok: false, errors: [{ pointer: "/query/after", code: "invalid_cursor", message: "Use a nextCursor this API returned." }] };
  // One extra row tells whether another page follows.
  const entries = await readPaymentsFeed(db, tenantId, position, parsed.data.limit + 1);
  const page = entries.slice(0, parsed.data.limit);
  const last = page.at(-1)?.position ?? position;
  return { ok: true, page: { data: page.map((e) => e.payment), nextCursor: encodeFeedCursor(last), hasMore: entries.length > page.length } };
}
