import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, clinics } from "@/db/schema";
import { DEFAULT_TEMPLATE } from "@/lib/message-to-pay/default-templates";
import { listClinicBudgets, loadMessagingSettings, messagingSettingsSchema, parseClinicBudgets, saveMessagingSettings } from "@/lib/message-to-pay/messaging-settings";
import { sendSingleRequest } from "@/lib/message-to-pay/send-single";
import { templatePreview } from "@/lib/message-to-pay/template-preview";
import { loadTemplate, saveTemplate } from "@/lib/message-to-pay/template-store";
import { addPatient, messagesOf, practice, requestRow } from "./harness";

let db: Database;
beforeAll(async () => {
  db = await getDb();
});

const audits = (tenantId: string, action: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, action)));

describe("templates", () => {
  it("start as the defaults, save per practice with an audit entry, and never reach another practice", async () => {
    const a = await practice(db);
    const b = await practice(db);
    expect(await loadTemplate(db, a.tenant.id)).toEqual({ ...DEFAULT_TEMPLATE, custom: false });
    const mine = { smsBody: "[namePref], pay here: [MsgToPayURL]", emailSubject: "Statement for [currentMonth]", emailBody: "Pay: [MsgToPayURL]" };

    await saveTemplate(db, a.tenant.id, mine, a.owner.id, "203.0.113.9");

    expect(await loadTemplate(db, a.tenant.id)).toEqual({ ...mine, custom: true });
    expect(await loadTemplate(db, b.tenant.id)).toEqual({ ...DEFAULT_TEMPLATE, custom: false });
    const [entry] = await audits(a.tenant.id, "message-template.changed");
    expect(entry).toMatchObject({ actorUserId: a.owner.id, ip: "203.0.113.9" });
    expect(entry!.summary).toMatchObject({ before: { smsBody: DEFAULT_TEMPLATE.smsBody }, after: mine });

    // B's patients still get B's (default) wording.
    const patient = await addPatient(db, b.tenant.id, { firstName: "Ana" });
    const sent = await sendSingleRequest(db, { tenantId: b.tenant.id, userId: b.owner.id, patientId: patient.id, channels: ["sms"] });
    if (!sent.ok) throw new Error(sent.code);
    expect((await messagesOf(db, sent.requestId))[0]!.body).toMatch(/^Your balance with Main Office is \$245\.50/);
  });

  it("preview for a real patient of this practice only", async () => {
    const a = await practice(db);
    const b = await practice(db);
    const mine = await addPatient(db, a.tenant.id, { firstName: "Zoë", balanceCents: 1_234 });
    const theirs = await addPatient(db, b.tenant.id);
    const preview = await templatePreview(db, a.tenant.id, mine.id, DEFAULT_TEMPLATE);
    expect(preview?.sms.text).toMatch(/^Your balance with Main Office is \$12\.34\. To make your payment, visit http:\/\/.+\/m\/PREVIEW-x+\.$/);
    expect(preview?.email.html).toContain("Hi Zoë,");
    expect(await templatePreview(db, a.tenant.id, theirs.id, DEFAULT_TEMPLATE)).toBeNull();
  });
});

describe("messaging settings", () => {
  it("parse the form: days, reminder list, checkbox", () => {
    expect(messagingSettingsSchema.parse({ linkExpiryDays: "14", sendRatePerMinute: "100", remindersEnabled: "on", reminderDays: "21, 7 14" })).toMatchObject({
      linkExpiryDays: 14,
      sendRatePerMinute: 100,
      remindersEnabled: true,
      reminderDays: [7, 14, 21],
    });
    const bad = messagingSettingsSchema.safeParse({ linkExpiryDays: "0", sendRatePerMinute: "x", reminderDays: "7, soon" });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path[0]).sort()).toEqual(["linkExpiryDays", "reminderDays", "sendRatePerMinute"]);
    const noDays = messagingSettingsSchema.safeParse({ linkExpiryDays: "30", sendRatePerMinute: "600", remindersEnabled: "on", reminderDays: "" });
    expect(noDays.success ? [] : noDays.error.issues.map((i) => [i.path[0], i.message])).toEqual([["reminderDays", "List at least one day to send reminders on."]]);
    expect(parseClinicBudgets({ "budget.6c3f0f5e-9b1a-4c5e-8f00-000000000001": "abc" }).errors).toHaveProperty(["budget.6c3f0f5e-9b1a-4c5e-8f00-000000000001"]);
  });

  it("save with an audit entry, set this practice's clinic budgets and ignore another practice's clinic", async () => {
    const a = await practice(db);
    const b = await practice(db);
    const [mine] = await db.select().from(clinics).where(eq(clinics.tenantId, a.tenant.id));
    const [theirs] = await db.select().from(clinics).where(eq(clinics.tenantId, b.tenant.id));
    const { budgets } = parseClinicBudgets({ [`budget.${mine!.id}`]: "250", [`budget.${theirs!.id}`]: "" });

    await saveMessagingSettings(db, a.tenant.id, { linkExpiryDays: 14, sendRatePerMinute: 120, remindersEnabled: true, reminderDays: [5, 10] }, budgets, a.owner.id);

    expect(await loadMessagingSettings(db, a.tenant.id)).toEqual({ linkExpiryDays: 14, sendRatePerMinute: 120, remindersEnabled: true, reminderDays: [5, 10] });
    expect((await listClinicBudgets(db, a.tenant.id))[0]?.budget).toBe(250);
    expect((await listClinicBudgets(db, b.tenant.id))[0]?.budget).toBe(1000);
    const [entry] = await audits(a.tenant.id, "messaging-settings.changed");
    expect(entry!.summary).toMatchObject({ after: { linkExpiryDays: 14, clinicBudgets: { [mine!.id]: 250 } } });
    expect(JSON.stringify(entry!.summary)).not.toContain(theirs!.id);

    // New requests follow the new lifetime and schedule.
    const patient = await addPatient(db, a.tenant.id);
    const now = new Date();
    const sent = await sendSingleRequest(db, { tenantId: a.tenant.id, userId: a.owner.id, patientId: patient.id, channels: ["email"], now });
    if (!sent.ok) throw new Error(sent.code);
    expect(await requestRow(db, sent.requestId)).toMatchObject({ expiresAt: new Date(now.getTime() + 14 * 86_400_000), nextReminderAt: new Date(now.getTime() + 5 * 86_400_000) });
  });
});
