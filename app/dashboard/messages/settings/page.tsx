import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/guards";
import { listClinicBudgets, loadMessagingSettings } from "@/lib/message-to-pay/messaging-settings";
import { MessagesNav } from "../_components/messages-nav";
import { MessagingSettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Message settings" };

export default async function MessagingSettingsPage() {
  const { tenant, role } = await requireMember({ returnTo: "/dashboard/messages/settings" });
  const db = await getDb();
  const [settings, clinicBudgets] = await Promise.all([loadMessagingSettings(db, tenant.id), listClinicBudgets(db, tenant.id)]);
  return (
    <div className="space-y-5">
      <h1 className="text-3xl font-bold tracking-tight">Message settings</h1>
      <MessagesNav current="/dashboard/messages/settings" />
      <MessagingSettingsForm
        canEdit={role === "owner"}
        current={{
          linkExpiryDays: String(settings.linkExpiryDays),
          sendRatePerMinute: String(settings.sendRatePerMinute),
          remindersEnabled: settings.remindersEnabled,
          reminderDays: settings.reminderDays.join(", "),
          clinics: clinicBudgets.map((c) => ({ id: c.id, name: c.name, budget: c.budget === null ? "" : String(c.budget) })),
        }}
      />
    </div>
  );
}
