import type { Database } from "@/db/client";
import { defaultProviders } from "../providers/default-providers";
import type { Providers } from "../providers/provider-types";
import { claimMessages } from "./claim-messages";
import { loadPracticeSendStates } from "./practice-send-state";
import { sendEmailGroup } from "./send-emails";
import { sendTextGroup } from "./send-texts";

export interface ProcessOptions {
  /** Defaults to the configured providers (Resend/Twilio, else the dev outbox). */
  providers?: Providers;
  limit?: number;
  leaseMs?: number;
}

/**
 * One round of the send queue: claim due messages, check each against the gates, hand them to the providers and
 * record the outcome. Returns how many rows it claimed (0 = nothing to do). Safe in any number of processes.
 */
export async function processQueue(db: Database, now: Date, opts: ProcessOptions = {}): Promise<number> {
  const groups = await claimMessages(db, now, { limit: opts.limit, leaseMs: opts.leaseMs });
  if (groups.length === 0) return 0;
  const providers = opts.providers ?? defaultProviders(db);
  const contexts = await loadPracticeSendStates(
    db,
    groups.flatMap((g) => g.rows.map((r) => r.tenantId)),
    now,
  );
  let claimed = 0;
  for (const group of groups) {
    claimed += group.rows.length;
    try {
      if (group.channel === "email") await sendEmailGroup(db, now, group, contexts, providers.email);
      else await sendTextGroup(db, now, group, contexts, providers.sms);
    } catch (err) {
      // A database error mid-group: leave the rows 'sending'; when the lease runs out another round resumes them.
      console.error(`[message-queue] claim ${group.claimId} stopped: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return claimed;
}
