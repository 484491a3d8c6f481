"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { failure, memberAction, success } from "@/lib/auth/safe-action";
import { requestIp } from "@/lib/platform/request-ip";
import { logoToDataUrl } from "@/lib/tenancy/logo";
import { clinicFormSchema, practiceSettingsSchema, saveClinic, updatePracticeSettings } from "@/lib/tenancy/practice-settings";
import { revalidatePortal } from "@/lib/tenancy/revalidate-portal";

const settingsFormSchema = practiceSettingsSchema.extend({
  logo: z.instanceof(File).optional(),
  removeLogo: z.literal("yes").optional(),
});

export const savePracticeSettingsAction = memberAction(settingsFormSchema, { role: "owner" }, async (input, { user, tenant }) => {
  let logoDataUrl: string | null | undefined;
  if (input.removeLogo) logoDataUrl = null;
  else if (input.logo && input.logo.size > 0) {
    const logo = logoToDataUrl(new Uint8Array(await input.logo.arrayBuffer()));
    if (!logo.ok) return failure(undefined, { logo: [logo.message] });
    logoDataUrl = logo.dataUrl;
  }
  await updatePracticeSettings(await getDb(), tenant.id, { ...input, logoDataUrl }, user.id, await requestIp());
  revalidatePortal(tenant.slug);
  revalidatePath("/dashboard/settings");
  return success(undefined, "Saved. Patients see the changes right away.");
});

export const saveClinicAction = memberAction(clinicFormSchema, { role: "owner" }, async (input, { user, tenant }) => {
  const result = await saveClinic(await getDb(), tenant.id, input, user.id, await requestIp());
  if (!result.ok) return "notFound" in result ? failure("That clinic doesn't exist.") : failure(undefined, { name: [result.message] });
  revalidatePortal(tenant.slug);
  revalidatePath("/dashboard/settings");
  return success(undefined, input.clinicId ? "Clinic saved." : "Clinic added. It has its own link on the Portal link page.");
});
