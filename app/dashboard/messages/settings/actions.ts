"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { failure, memberAction, success } from "@/lib/auth/safe-action";
import { messagingSettingsSchema, parseClinicBudgets, saveMessagingSettings } from "@/lib/message-to-pay/messaging-settings";
import { requestIp } from "@/lib/platform/request-ip";

/** The owner changes link lifetime, send rate, reminders and clinic text budgets (audited). */
export const saveMessagingSettingsAction = memberAction(messagingSettingsSchema, { role: "owner" }, async (input, { user, tenant }) => {
  const { budgets, errors } = parseClinicBudgets(input);
  if (Object.keys(errors).length > 0) return failure(undefined, errors);
  await saveMessagingSettings(
    await getDb(),
    tenant.id,
    { linkExpiryDays: input.linkExpiryDays, sendRatePerMinute: input.sendRatePerMinute, remindersEnabled: input.remindersEnabled, reminderDays: input.reminderDays },
    budgets,
    user.id,
    await requestIp(),
  );
  revalidatePath("/dashboard/messages/settings");
  return success(undefined, "Settings saved.");
});
