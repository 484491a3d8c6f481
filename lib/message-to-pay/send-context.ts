import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clinics, tenants, type Tenant } from "@/db/schema";
import { prepareRequestEmail, type EmailRenderer } from "./email/request-email";
import { loadMessagingSettings, type MessagingSettingsValues } from "./messaging-settings";
import { loadTemplate } from "./template-store";
import type { TemplateInput } from "./template-schema";

/** Everything about a practice that every message of one send needs, loaded once. */
export interface SendContext {
  tenant: Pick<Tenant, "id" | "slug" | "name" | "phone" | "timeZone" | "currency" | "accentColor" | "logoDataUrl">;
  clinics: Map<string, { name: string; phone: string | null }>;
  template: TemplateInput;
  settings: MessagingSettingsValues;
  email: EmailRenderer;
}

const NO_EMAIL: EmailRenderer = () => {
  throw new Error("This send context was loaded without the email layout");
};

/** Loads the practice, its clinics, wording, settings and (unless `withEmail` is false) email layout; null for an unknown practice. */
export async function loadSendContext(db: Executor, tenantId: string, { withEmail = true }: { withEmail?: boolean } = {}): Promise<SendContext | null> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) return null;
  const [clinicRows, template, settings, email] = await Promise.all([
    db.select({ id: clinics.id, name: clinics.name, phone: clinics.phone }).from(clinics).where(eq(clinics.tenantId, tenantId)),
    loadTemplate(db, tenantId),
    loadMessagingSettings(db, tenantId),
    // Rendering the layout costs a React render: pages that only preview text skip it.
    withEmail ? prepareRequestEmail({ practiceName: tenant.name, logoDataUrl: tenant.logoDataUrl, accentColor: tenant.accentColor }) : NO_EMAIL,
  ]);
  return {
    tenant,
    clinics: new Map(clinicRows.map((c) => [c.id, { name: c.name, phone: c.phone }])),
    template: { smsBody: template.smsBody, emailSubject: template.emailSubject, emailBody: template.emailBody },
    settings,
    email,
  };
}
