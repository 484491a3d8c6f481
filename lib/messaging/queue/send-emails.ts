import type { Executor } from "@/db/client";
import type { Message } from "@/db/schema";
import type { EmailProvider, OutgoingEmail, ProviderFailure, SingleOutcome } from "../providers/provider-types";
import { failMessages, markSent, retryLater, retrySameGroupLater } from "./complete-messages";
import type { ClaimGroup } from "./claim-messages";
import { applySendGates } from "./send-gates";
import type { PracticeSendState } from "./practice-send-state";
import { unsubscribeHeaders, withUnsubscribeFooter } from "./unsubscribe-footer";

function outgoing(row: Message, ctx: PracticeSendState): OutgoingEmail {
  const { html, text } = withUnsubscribeFooter(ctx.slug, row.tenantId, row.toAddress, { html: row.html, text: row.body });
  return { messageId: row.id, tenantId: row.tenantId, to: row.toAddress, subject: row.subject ?? "", html, text, headers: unsubscribeHeaders(ctx.slug, row.tenantId, row.toAddress) };
}

const reason = (f: ProviderFailure) => `${f.code}: ${f.message}`;

async function settleOne(db: Executor, now: Date, claimId: string, row: Message, outcome: SingleOutcome): Promise<void> {
  if (outcome.ok) return markSent(db, now, claimId, [{ id: row.id, providerId: outcome.providerId }]);
  if (outcome.kind === "retry") return retryLater(db, now, claimId, [row], reason(outcome));
  if (outcome.kind === "unknown") return retrySameGroupLater(db, now, claimId, [row], reason(outcome));
  if (outcome.kind === "already-sent") return markSent(db, now, claimId, [{ id: row.id, providerId: null }]);
  return failMessages(db, now, claimId, [row.id], reason(outcome));
}

/**
 * Sends one claimed email group: a single email with idempotency key `msg-<id>`, more as one Resend batch with
 * `batch-<claimId>`. A resumed group skips the gates and replays the same request, so the provider answers with
 * the first send's ids and nobody is mailed twice. Returns how many rows were handed to the provider.
 */
export async function sendEmailGroup(db: Executor, now: Date, group: ClaimGroup, contexts: Map<string, PracticeSendState>, provider: EmailProvider): Promise<number> {
  const rows = group.resumed ? group.rows : await applySendGates(db, now, group.claimId, group.rows, contexts);
  if (rows.length === 0) return 0;
  const emails = rows.map((r) => {
    const ctx = contexts.get(r.tenantId);
    if (!ctx) throw new Error("no send context for a claimed practice");
    return outgoing(r, ctx);
  });
  if (rows.length === 1) {
    await settleOne(db, now, group.claimId, rows[0]!, await provider.sendOne(emails[0]!, `msg-${rows[0]!.id}`));
    return 1;
  }
  const outcome = await provider.sendBatch(emails, `batch-${group.claimId}`);
  if (outcome.ok) {
    await markSent(
      db,
      now,
      group.claimId,
      rows.map((r, i) => ({ id: r.id, providerId: outcome.providerIds[i]! })),
    );
  } else if (outcome.kind === "retry") {
    await retryLater(db, now, group.claimId, rows, reason(outcome));
  } else if (outcome.kind === "unknown") {
    await retrySameGroupLater(db, now, group.claimId, rows, reason(outcome));
  } else if (outcome.kind === "already-sent") {
    // Resend accepted a request under this key before (our copy changed since, e.g. the practice's address):
    // it went out; delivery webhooks still find each row by its message_id tag.
    await markSent(db, now, group.claimId, rows.map((r) => ({ id: r.id, providerId: null })));
  } else {
    // A batch is refused whole when one email is invalid: send each alone so one bad address fails only itself.
    for (const [i, row] of rows.entries()) await settleOne(db, now, group.claimId, row, await provider.sendOne(emails[i]!, `msg-${row.id}`));
  }
  return rows.length;
}
