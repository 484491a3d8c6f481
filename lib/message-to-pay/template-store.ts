import { eq } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { messageTemplates } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { DEFAULT_TEMPLATE } from "./default-templates";
import type { TemplateInput } from "./template-schema";

/** The practice's wording, or the defaults when it never saved its own. */
export async function loadTemplate(db: Executor, tenantId: string): Promise<TemplateInput & { custom: boolean }> {
  const [row] = await db.select().from(messageTemplates).where(eq(messageTemplates.tenantId, tenantId));
  if (!row) return { ...DEFAULT_TEMPLATE, custom: false };
  return { smsBody: row.smsBody, emailSubject: row.emailSubject, emailBody: row.emailBody, custom: true };
}

/** Saves the practice's wording (already validated by templateSchema), audited in the same transaction. */
export async function saveTemplate(db: Database, tenantId: string, input: TemplateInput, actorUserId: string, ip?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadTemplate(tx, tenantId);
    await tx
      .insert(messageTemplates)
      .values({ tenantId, ...input, updatedByUserId: actorUserId })
      .onConflictDoUpdate({ target: messageTemplates.tenantId, set: { ...input, updatedByUserId: actorUserId, updatedAt: new Date() } });
    await recordAudit(tx, {
      tenantId,
      actorUserId,
      action: "message-template.changed",
      before: { smsBody: before.smsBody, emailSubject: before.emailSubject, emailBody: before.emailBody },
      after: input,
      ip,
    });
  });
}
