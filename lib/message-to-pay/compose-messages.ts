import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { messages, patients, type MessageChannel, type Patient } from "@/db/schema";
import { formatCents } from "@/lib/money";
import { normalizeAddress, optedOutAddresses } from "@/lib/messaging/opt-outs";
import { unsubscribeUrl } from "@/lib/messaging/unsubscribe-token";
import type { SendContext } from "./send-context";
import { countSegments } from "./sms-segments";
import { renderTemplate, type TagContext } from "./tags";
import type { TemplateInput } from "./template-schema";

/** Both channels, in the order messages are composed and listed. */
export const CHANNELS = ["email", "sms"] as const satisfies readonly MessageChannel[];

export type ComposePatient = Pick<Patient, "id" | "tenantId" | "clinicId" | "firstName" | "lastName" | "preferredName" | "externalId" | "email" | "phone">;

export type SkipReason = "missing" | "opted_out";

export interface ChannelChoice {
  /** Channels that will be sent, with the normalised address for each. */
  send: { channel: MessageChannel; address: string }[];
  skipped: { channel: MessageChannel; reason: SkipReason }[];
}

/** Opted-out addresses of a group of patients, per channel, in two queries whatever the group's size. */
export async function optOutsFor(db: Executor, tenantId: string, list: Pick<Patient, "email" | "phone">[]): Promise<Record<MessageChannel, Set<string>>> {
  const [email, sms] = await Promise.all([
    optedOutAddresses(db, tenantId, "email", list.flatMap((p) => (p.email ? [p.email] : []))),
    optedOutAddresses(db, tenantId, "sms", list.flatMap((p) => (p.phone ? [p.phone] : []))),
  ]);
  return { email, sms };
}

/** Of the channels asked for, those the patient has an address for and hasn't opted out of; the rest with the reason. */
export function chooseChannels(patient: Pick<Patient, "email" | "phone">, wanted: readonly MessageChannel[], optedOut: Record<MessageChannel, Set<string>>): ChannelChoice {
  const choice: ChannelChoice = { send: [], skipped: [] };
  for (const channel of CHANNELS) {
    if (!wanted.includes(channel)) continue;
    const raw = channel === "email" ? patient.email : patient.phone;
    const address = raw ? normalizeAddress(channel, raw) : null;
    if (!address) choice.skipped.push({ channel, reason: "missing" });
    else if (optedOut[channel].has(address)) choice.skipped.push({ channel, reason: "opted_out" });
    else choice.send.push({ channel, address });
  }
  return choice;
}

/** The tag values for one patient of this practice. */
export function tagContextFor(ctx: SendContext, patient: ComposePatient, url: string, balanceCents: number, now: Date): TagContext {
  const clinic = patient.clinicId ? ctx.clinics.get(patient.clinicId) : undefined;
  return {
    url,
    balanceCents,
    practiceName: ctx.tenant.name,
    practicePhone: ctx.tenant.phone,
    clinicName: clinic?.name ?? null,
    clinicPhone: clinic?.phone ?? null,
    patient: { firstName: patient.firstName, lastName: patient.lastName, preferredName: patient.preferredName, externalId: patient.externalId },
    timeZone: ctx.tenant.timeZone,
    now,
  };
}

/** Thrown instead of queueing a message with an unknown tag or without the link. */
export class TemplateRefusedError extends Error {
  constructor(readonly unknownTags: string[]) {
    super(unknownTags.length > 0 ? `Unknown tags: ${unknownTags.join(", ")}` : "The payment link tag is missing");
    this.name = "TemplateRefusedError";
  }
}

export interface ComposeInput {
  patient: ComposePatient;
  send: ChannelChoice["send"];
  url: string;
  balanceCents: number;
  requestId: string;
  batchId: string | null;
  kind: "request" | "reminder";
  /** Wording for this message; the practice's template when left out. */
  template?: TemplateInput;
  now: Date;
}

/**
 * The queued rows for one patient: fully rendered text, email HTML + text part, SMS segments, normalised address.
 * Throws TemplateRefusedError rather than send a message with an unknown tag or without the link.
 */
export function composeMessages(ctx: SendContext, input: ComposeInput): (typeof messages.$inferInsert)[] {
  const template = input.template ?? ctx.template;
  const tagCtx = tagContextFor(ctx, input.patient, input.url, input.balanceCents, input.now);
  const rows: (typeof messages.$inferInsert)[] = [];
  const base = {
    tenantId: ctx.tenant.id,
    patientId: input.patient.id,
    clinicId: input.patient.clinicId,
    requestId: input.requestId,
    batchId: input.batchId,
    kind: input.kind,
    status: "queued" as const,
    nextAttemptAt: input.now,
  };
  for (const { channel, address } of input.send) {
    if (channel === "sms") {
      const sms = renderTemplate(template.smsBody, tagCtx);
      if (sms.unknownTags.length > 0 || sms.missingRequired) throw new TemplateRefusedError(sms.unknownTags);
      rows.push({ ...base, channel, toAddress: address, body: sms.text, segments: countSegments(sms.text).segments });
    } else {
      const subject = renderTemplate(template.emailSubject, tagCtx);
      const body = renderTemplate(template.emailBody, tagCtx);
      const unknown = [...subject.unknownTags, ...body.unknownTags];
      if (unknown.length > 0 || body.missingRequired) throw new TemplateRefusedError(unknown);
      const email = ctx.email({
        body: body.text,
        balance: formatCents(input.balanceCents, ctx.tenant.currency),
        payUrl: input.url,
        officePhone: tagCtx.clinicPhone ?? tagCtx.practicePhone,
        unsubscribeUrl: unsubscribeUrl(ctx.tenant.slug, ctx.tenant.id, address),
      });
      rows.push({ ...base, channel, toAddress: address, subject: subject.text.replace(/\s+/g, " ").trim(), body: email.text, html: email.html, segments: 0 });
    }
  }
  return rows;
}

/** One patient of this practice (null for an id of another practice). */
export async function loadPatient(db: Executor, tenantId: string, patientId: string): Promise<Patient | null> {
  const [row] = await db
    .select()
    .from(patients)
    .where(and(eq(patients.tenantId, tenantId), eq(patients.id, patientId)));
  return row ?? null;
}
