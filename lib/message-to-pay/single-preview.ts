import type { Executor } from "@/db/client";
import type { MessageChannel } from "@/db/schema";
import { displayedBalances } from "@/lib/payments/displayed-balance";
import { CHANNELS, chooseChannels, loadPatient, optOutsFor, tagContextFor, type SkipReason } from "./compose-messages";
import { loadSendContext } from "./send-context";
import { renderTemplate } from "./tags";
import type { TemplateInput } from "./template-schema";

export interface SinglePreview {
  balanceCents: number;
  currency: string;
  asOf: Date;
  channels: { channel: MessageChannel; address: string | null; available: boolean; reason?: SkipReason }[];
  /** The practice's wording with this patient's details filled in; the link stays [MsgToPayURL] until it exists. */
  prefill: TemplateInput;
}

/** What the "Send Message-to-Pay" panel shows for one patient of this practice; null for another practice's id. */
export async function previewSingle(db: Executor, tenantId: string, patientId: string, now = new Date()): Promise<SinglePreview | null> {
  const [ctx, patient] = await Promise.all([loadSendContext(db, tenantId, { withEmail: false }), loadPatient(db, tenantId, patientId)]);
  if (!ctx || !patient) return null;
  const balance = (await displayedBalances(db, tenantId, [patient])).get(patient.id) ?? 0;
  const choice = chooseChannels(patient, CHANNELS, await optOutsFor(db, tenantId, [patient]));
  const tagCtx = tagContextFor(ctx, patient, "", balance, now);
  const fill = (s: string) => renderTemplate(s, tagCtx, { keep: ["MsgToPayURL"] }).text;
  return {
    balanceCents: balance,
    currency: ctx.tenant.currency,
    asOf: now,
    channels: CHANNELS.map((channel) => {
      const sent = choice.send.find((s) => s.channel === channel);
      const skipped = choice.skipped.find((s) => s.channel === channel);
      return { channel, address: sent?.address ?? (channel === "email" ? patient.email : patient.phone), available: Boolean(sent), reason: skipped?.reason };
    }),
    prefill: { smsBody: fill(ctx.template.smsBody), emailSubject: fill(ctx.template.emailSubject), emailBody: fill(ctx.template.emailBody) },
  };
}
