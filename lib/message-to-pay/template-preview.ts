import { and, asc, eq, gt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { patients } from "@/db/schema";
import { formatCents } from "@/lib/money";
import { unsubscribeUrl } from "@/lib/messaging/unsubscribe-token";
import { displayedBalances } from "@/lib/payments/displayed-balance";
import { loadPatient, tagContextFor } from "./compose-messages";
import { paymentLinkUrl } from "./link-token";
import { loadSendContext } from "./send-context";
import { countSegments } from "./sms-segments";
import { renderTemplate, type TagContext } from "./tags";
import type { TemplateInput } from "./template-schema";

// A link of real length, so the preview's segment count is what the patient's text will cost.
const SAMPLE_TOKEN = "PREVIEW-".padEnd(43, "x");

export interface TemplatePreview {
  tagContext: TagContext;
  sms: { text: string; segments: number };
  email: { subject: string; html: string };
}

/** Patients the preview can use (this practice's, owing something first), for the Templates page's select. */
export function previewPatients(db: Executor, tenantId: string, limit = 200) {
  return db
    .select({ id: patients.id, firstName: patients.firstName, lastName: patients.lastName, externalId: patients.externalId })
    .from(patients)
    .where(and(eq(patients.tenantId, tenantId), eq(patients.active, true), gt(patients.balanceCents, 0)))
    .orderBy(asc(patients.lastNameKey), asc(patients.firstNameKey))
    .limit(limit);
}

/** `template` rendered for one real patient of this practice, as they would receive it (null for another practice's id). */
export async function templatePreview(db: Executor, tenantId: string, patientId: string, template: TemplateInput, now = new Date()): Promise<TemplatePreview | null> {
  const [ctx, patient] = await Promise.all([loadSendContext(db, tenantId), loadPatient(db, tenantId, patientId)]);
  if (!ctx || !patient) return null;
  const balance = (await displayedBalances(db, tenantId, [patient])).get(patient.id) ?? 0;
  const url = paymentLinkUrl(ctx.tenant.slug, SAMPLE_TOKEN);
  const tagContext = tagContextFor(ctx, patient, url, balance, now);
  const sms = renderTemplate(template.smsBody, tagContext).text;
  const body = renderTemplate(template.emailBody, tagContext).text;
  const email = ctx.email({
    body,
    balance: formatCents(balance, ctx.tenant.currency),
    payUrl: url,
    officePhone: tagContext.clinicPhone ?? tagContext.practicePhone,
    unsubscribeUrl: patient.email ? unsubscribeUrl(ctx.tenant.slug, tenantId, patient.email) : "#",
  });
  return { tagContext, sms: { text: sms, segments: countSegments(sms).segments }, email: { subject: renderTemplate(template.emailSubject, tagContext).text, html: email.html } };
}
