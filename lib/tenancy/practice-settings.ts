import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { clinics, tenants } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseMoneyToCents } from "@/lib/money";
import { isReadableAccent } from "./accent-color";
import { clinicSlug } from "./create-practice";
import { clinicSchema, phoneSchema } from "./practice-schemas";

export const practiceSettingsSchema = z.object({
  name: z.string().trim().min(2, "Enter your practice's name.").max(100, "Use at most 100 characters."),
  phone: phoneSchema,
  accentColor: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Choose a colour like #0f766e.")
    .refine(isReadableAccent, "That colour is too light for white button text. Choose a darker shade."),
  maxPayment: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const cents = parseMoneyToCents(v);
      if (cents === null || cents < 100 || cents > 10_000_000) {
        ctx.addIssue({ code: "custom", message: "Enter an amount between $1 and $100,000." });
        return z.NEVER;
      }
      return cents;
    }),
});
export type PracticeSettingsInput = z.output<typeof practiceSettingsSchema>;

/** Saves a practice's patient-facing details, audited in the same transaction. */
export async function updatePracticeSettings(db: Database, tenantId: string, input: PracticeSettingsInput & { logoDataUrl?: string | null }, actorUserId: string, ip?: string) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for("update");
    const changes = { name: input.name, phone: input.phone, accentColor: input.accentColor.toLowerCase(), maxPaymentCents: input.maxPayment, ...(input.logoDataUrl !== undefined ? { logoDataUrl: input.logoDataUrl } : {}) };
    await tx.update(tenants).set(changes).where(eq(tenants.id, tenantId));
    await recordAudit(tx, {
      tenantId,
      actorUserId,
      action: "practice.settings-changed",
      before: { name: before?.name, phone: before?.phone, accentColor: before?.accentColor, maxPaymentCents: before?.maxPaymentCents, logo: Boolean(before?.logoDataUrl) },
      after: { name: changes.name, phone: changes.phone, accentColor: changes.accentColor, maxPaymentCents: changes.maxPaymentCents, logo: changes.logoDataUrl === undefined ? Boolean(before?.logoDataUrl) : Boolean(changes.logoDataUrl) },
      ip,
    });
  });
}

export const clinicFormSchema = clinicSchema.extend({ clinicId: z.uuid().optional() });

export type SaveClinicResult = { ok: true } | { ok: false; field: "name"; message: string } | { ok: false; notFound: true };

/** Adds a clinic, or edits one of THIS practice's clinics (another practice's clinic id finds nothing). */
export async function saveClinic(db: Database, tenantId: string, input: z.output<typeof clinicFormSchema>, actorUserId: string, ip?: string): Promise<SaveClinicResult> {
  try {
    return await db.transaction(async (tx) => {
      if (input.clinicId) {
        const updated = await tx
          .update(clinics)
          .set({ name: input.name, address: input.address, phone: input.phone })
          .where(and(eq(clinics.id, input.clinicId), eq(clinics.tenantId, tenantId)))
          .returning({ id: clinics.id });
        if (updated.length === 0) return { ok: false, notFound: true } as const;
        await recordAudit(tx, { tenantId, actorUserId, action: "clinic.changed", after: { clinicId: input.clinicId, name: input.name }, ip });
      } else {
        await tx.insert(clinics).values({ tenantId, slug: clinicSlug(input.name), name: input.name, address: input.address, phone: input.phone });
        await recordAudit(tx, { tenantId, actorUserId, action: "clinic.added", after: { name: input.name }, ip });
      }
      return { ok: true } as const;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, field: "name", message: "You already have a clinic with that name." };
    throw err;
  }
}
