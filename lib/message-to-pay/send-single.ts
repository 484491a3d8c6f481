import type { Database } from "@/db/client";
import { messages, paymentRequests, type MessageChannel } from "@/db/schema";
import { displayedBalances } from "@/lib/payments/displayed-balance";
import { chooseChannels, composeMessages, loadPatient, optOutsFor, TemplateRefusedError, type ChannelChoice } from "./compose-messages";
import { buildRequest } from "./create-request";
import { loadSendContext } from "./send-context";
import type { TemplateInput } from "./template-schema";

export type SendSingleResult =
  | { ok: true; requestId: string; queued: number; skipped: ChannelChoice["skipped"] }
  | { ok: false; code: "not_found" | "nothing_owed" | "no_channel" | "template_refused"; skipped?: ChannelChoice["skipped"]; message: string };

export interface SendSingleInput {
  tenantId: string;
  userId: string | null;
  patientId: string;
  channels: MessageChannel[];
  /** The wording staff edited for this patient (validated with templateSchema); the practice's template otherwise. */
  template?: TemplateInput;
  now?: Date;
}

/**
 * Sends one patient of this practice a Message-to-Pay: snapshots the statement (balance now), creates the request
 * and queues one rendered message per chosen channel the patient has and hasn't opted out of — all in one
 * transaction. Another practice's patient id is "not_found".
 */
export async function sendSingleRequest(db: Database, input: SendSingleInput): Promise<SendSingleResult> {
  const now = input.now ?? new Date();
  const [ctx, patient] = await Promise.all([loadSendContext(db, input.tenantId), loadPatient(db, input.tenantId, input.patientId)]);
  if (!ctx || !patient) return { ok: false, code: "not_found", message: "That patient isn't in your practice." };
  const balance = (await displayedBalances(db, input.tenantId, [patient])).get(patient.id) ?? 0;
  if (balance <= 0) return { ok: false, code: "nothing_owed", message: "This patient doesn't owe anything right now." };
  const choice = chooseChannels(patient, input.channels, await optOutsFor(db, input.tenantId, [patient]));
  if (choice.send.length === 0) return { ok: false, code: "no_channel", skipped: choice.skipped, message: "This patient can't be reached on the channels you chose (no address on file, or they opted out)." };

  const request = buildRequest(ctx, {
    patientId: patient.id,
    clinicId: patient.clinicId,
    balanceCents: balance,
    channels: choice.send.map((s) => s.channel),
    userId: input.userId,
    batchId: null,
    now,
  });
  let rows;
  try {
    rows = composeMessages(ctx, { patient, send: choice.send, url: request.url, balanceCents: balance, requestId: request.row.id, batchId: null, kind: "request", template: input.template, now });
  } catch (err) {
    if (err instanceof TemplateRefusedError) return { ok: false, code: "template_refused", message: "The message has an unknown tag or no [MsgToPayURL]; fix the wording first." };
    throw err;
  }
  await db.transaction(async (tx) => {
    await tx.insert(paymentRequests).values(request.row);
    await tx.insert(messages).values(rows);
  });
  return { ok: true, requestId: request.row.id, queued: rows.length, skipped: choice.skipped };
}
