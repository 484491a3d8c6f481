import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { messages } from "@/db/schema";
import { rootUrl } from "@/lib/tenancy/urls";
import { optOut } from "../opt-outs";
import type { TextProvider } from "../providers/provider-types";
import { cancelMessages, failMessages, markSent, retryLater } from "./complete-messages";
import type { ClaimGroup } from "./claim-messages";
import { applySendGates } from "./send-gates";
import type { PracticeSendState } from "./practice-send-state";
import { releaseTextSegments, reserveTextSegments } from "./text-budget";

// Twilio has no idempotency key, so a text must never be re-sent when it may already have reached Twilio.
// `sentAt` is committed *before* the call: a text resumed after a crash with `sentAt` set may have gone out, and
// is marked failed "outcome unknown" for staff to check and resend (unless Twilio's status callback, which carries
// our message id, has already told us what happened). One with `sentAt` unset never reached Twilio: sent normally.
export const OUTCOME_UNKNOWN = "outcome unknown: the text may have been sent; check the patient's phone before sending again";

/** Sends one claimed text; returns 1 when it was handed to the provider. */
export async function sendTextGroup(db: Database, now: Date, group: ClaimGroup, contexts: Map<string, PracticeSendState>, provider: TextProvider): Promise<number> {
  const row = group.rows[0]!;
  if (group.resumed && row.sentAt) {
    await failMessages(db, now, group.claimId, [row.id], OUTCOME_UNKNOWN);
    return 0;
  }
  const [pass] = await applySendGates(db, now, group.claimId, [row], contexts);
  if (!pass) return 0;
  const ctx = contexts.get(row.tenantId)!;
  const scope = { tenantId: row.tenantId, clinicId: row.clinicId, timeZone: ctx.timeZone };

  // Budget and the "handed to Twilio" mark commit together: a crash can't count a text twice.
  const reserved = await db.transaction(async (tx) => {
    if (!(await reserveTextSegments(tx, scope, row.segments, now))) return false;
    await tx
      .update(messages)
      .set({ sentAt: now, updatedAt: now })
      .where(and(eq(messages.id, row.id), eq(messages.claimId, group.claimId), eq(messages.status, "sending")));
    return true;
  });
  if (!reserved) {
    await cancelMessages(db, now, group.claimId, [row.id], "text budget reached");
    return 0;
  }

  const outcome = await provider.send({
    messageId: row.id,
    tenantId: row.tenantId,
    to: row.toAddress,
    body: row.body,
    statusCallbackUrl: rootUrl(`/api/webhooks/twilio/status?m=${row.id}`),
  });
  if (outcome.ok) {
    await markSent(db, now, group.claimId, [{ id: row.id, providerId: outcome.providerId }]);
    return 1;
  }
  const reason = `${outcome.code}: ${outcome.message}`;
  if (outcome.kind === "unknown") {
    await failMessages(db, now, group.claimId, [row.id], OUTCOME_UNKNOWN);
    return 1;
  }
  // Twilio answered with a refusal: nothing went out, so the segments are given back.
  await releaseTextSegments(db, scope, row.segments, now);
  if (outcome.kind === "retry") await retryLater(db, now, group.claimId, [row], reason);
  else if (outcome.kind === "opted-out") {
    await optOut(db, { tenantId: null, channel: "sms", address: row.toAddress, source: "twilio-21610" });
    await cancelMessages(db, now, group.claimId, [row.id], "opted out");
  } else await failMessages(db, now, group.claimId, [row.id], reason);
  return 0;
}
