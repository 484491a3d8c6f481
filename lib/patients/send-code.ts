import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { patients, type PatientSession } from "@/db/schema";
import type { Messages } from "@/lib/i18n/messages/en";
import { sendEmail } from "@/lib/messaging/send-email";
import { consumeRateLimit } from "@/lib/rate-limit/consume";
import type { PortalTenant } from "@/lib/tenancy/portal-tenant";
import { maskEmail } from "./mask-contact";
import { issueVerificationCode } from "./verification-code";

export interface CodeDestination {
  channel: "email" | "sms";
  masked: string;
}

/** Where a code can go for this patient, masked. Texts join once the messaging layer sends SMS. */
export async function codeDestinations(db: Executor, session: PatientSession): Promise<CodeDestination[]> {
  const [p] = await db
    .select({ email: patients.email, phone: patients.phone })
    .from(patients)
    .where(and(eq(patients.id, session.patientId), eq(patients.tenantId, session.tenantId)));
  const out: CodeDestination[] = [];
  if (p?.email) out.push({ channel: "email", masked: maskEmail(p.email) });
  // SMS codes go through the Message-to-Pay messaging layer; until it exists, email only.
  return out;
}

export type SendCodeResult = { ok: true; masked: string } | { ok: false; message: string };

/** Sends a fresh code to the patient's contact on file for this channel (never to an address typed by the visitor). */
export async function sendCode(db: Executor, tenant: PortalTenant, session: PatientSession, channel: "email" | "sms", t: Messages): Promise<SendCodeResult> {
  const [p] = await db
    .select({ email: patients.email })
    .from(patients)
    .where(and(eq(patients.id, session.patientId), eq(patients.tenantId, tenant.id)));
  if (channel !== "email" || !p?.email) return { ok: false, message: t.verify.noContacts };
  const limit = await consumeRateLimit(db, { key: `code-send:patient:${session.patientId}`, limit: 6, windowSeconds: 3600 });
  if (!limit.allowed) return { ok: false, message: t.identity.tooMany(Math.ceil(limit.retryAfterSeconds / 60)) };
  const issued = await issueVerificationCode(db, { tenantId: tenant.id, sessionId: session.id, channel });
  if (!issued.ok) return { ok: false, message: t.verify.cooldown(issued.retryAfterSeconds) };
  const text = t.verify.emailBody(issued.code, tenant.name);
  await sendEmail({
    tenantId: tenant.id,
    to: p.email,
    subject: t.verify.emailSubject(tenant.name),
    text,
    html: `<p style="font-family:system-ui,sans-serif;font-size:16px">${escapeHtml(text).replace(issued.code, `<strong style="font-size:24px;letter-spacing:4px">${issued.code}</strong>`)}</p>`,
    idempotencyKey: `verification-code:${issued.row.id}`,
  });
  return { ok: true, masked: maskEmail(p.email) };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
