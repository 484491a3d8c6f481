import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "@/db/client";
import { clinics, messagingSettings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";

export interface MessagingSettingsValues {
  linkExpiryDays: number;
  sendRatePerMinute: number;
  remindersEnabled: boolean;
  reminderDays: number[];
}

/** What a practice gets before it changes anything (the table's defaults). */
export const DEFAULT_MESSAGING_SETTINGS: MessagingSettingsValues = { linkExpiryDays: 30, sendRatePerMinute: 600, remindersEnabled: false, reminderDays: [7, 14, 21] };

/** The practice's Message-to-Pay settings, or the defaults when it never saved any. */
export async function loadMessagingSettings(db: Executor, tenantId: string): Promise<MessagingSettingsValues> {
  const [row] = await db.select().from(messagingSettings).where(eq(messagingSettings.tenantId, tenantId));
  if (!row) return { ...DEFAULT_MESSAGING_SETTINGS };
  return { linkExpiryDays: row.linkExpiryDays, sendRatePerMinute: row.sendRatePerMinute, remindersEnabled: row.remindersEnabled, reminderDays: row.reminderDays };
}

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce.number({ error: `Enter ${label} as a whole number.` }).int(`Enter ${label} as a whole number.`).min(min, `Use at least ${min}.`).max(max, `Use at most ${max}.`);

/** The settings form: link lifetime, send rate, reminder schedule ("7, 14, 21") and each clinic's monthly text budget. */
export const messagingSettingsSchema = z
  .object({
    linkExpiryDays: wholeNumber("the number of days", 1, 365),
    sendRatePerMinute: wholeNumber("the rate", 1, 10_000),
    remindersEnabled: z
      .union([z.literal("on"), z.literal("")])
      .optional()
      .transform((v) => v === "on"),
    reminderDays: z
      .string()
      .trim()
      .transform((v, ctx) => {
        if (v === "") return [];
        const parts = v.split(/[\s,]+/).filter(Boolean);
        const days = parts.map(Number);
        if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) {
          ctx.addIssue({ code: "custom", message: "List whole days between 1 and 365, like 7, 14, 21." });
          return z.NEVER;
        }
        const sorted = [...new Set(days)].sort((a, b) => a - b);
        if (sorted.length > 10) {
          ctx.addIssue({ code: "custom", message: "Use at most 10 reminders." });
          return z.NEVER;
        }
        return sorted;
      }),
  })
  .catchall(z.unknown())
  .superRefine((v, ctx) => {
    if (v.remindersEnabled && v.reminderDays.length === 0) ctx.addIssue({ code: "custom", path: ["reminderDays"], message: "List at least one day to send reminders on." });
  });

/** Clinic budgets arrive as `budget.<clinicId>` fields: "" means no limit. Unknown or foreign clinic ids are ignored. */
export function parseClinicBudgets(raw: Record<string, unknown>): { budgets: Map<string, number | null>; errors: Record<string, string[]> } {
  const budgets = new Map<string, number | null>();
  const errors: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith("budget.")) continue;
    const id = key.slice("budget.".length);
    if (!z.uuid().safeParse(id).success) continue;
    const text = String(value ?? "").trim();
    if (text === "") budgets.set(id, null);
    else if (/^\d{1,7}$/.test(text)) budgets.set(id, Number(text));
    else errors[key] = ["Enter a whole number of text segments, or leave empty for no limit."];
  }
  return { budgets, errors };
}

/** Saves the settings and this practice's clinic budgets, audited in the same transaction. */
export async function saveMessagingSettings(
  db: Database,
  tenantId: string,
  input: MessagingSettingsValues,
  budgets: Map<string, number | null>,
  actorUserId: string,
  ip?: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadMessagingSettings(tx, tenantId);
    const values = { linkExpiryDays: input.linkExpiryDays, sendRatePerMinute: input.sendRatePerMinute, remindersEnabled: input.remindersEnabled, reminderDays: input.reminderDays };
    await tx
      .insert(messagingSettings)
      .values({ tenantId, ...values })
      .onConflictDoUpdate({ target: messagingSettings.tenantId, set: { ...values, updatedAt: new Date() } });
    const changedBudgets: Record<string, number | null> = {};
    for (const [clinicId, budget] of budgets) {
      const updated = await tx
        .update(clinics)
        .set({ smsMonthlyBudget: budget })
        .where(and(eq(clinics.id, clinicId), eq(clinics.tenantId, tenantId)))
        .returning({ id: clinics.id });
      if (updated.length > 0) changedBudgets[clinicId] = budget;
    }
    await recordAudit(tx, { tenantId, actorUserId, action: "messaging-settings.changed", before, after: { ...values, clinicBudgets: changedBudgets }, ip });
  });
}

/** The practice's clinics with their monthly text budgets, for the settings form. */
export function listClinicBudgets(db: Executor, tenantId: string) {
  return db.select({ id: clinics.id, name: clinics.name, budget: clinics.smsMonthlyBudget }).from(clinics).where(eq(clinics.tenantId, tenantId)).orderBy(asc(clinics.name));
}
