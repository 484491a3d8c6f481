"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { memberAction, success } from "@/lib/auth/safe-action";
import { saveTemplate } from "@/lib/message-to-pay/template-store";
import { templateSchema } from "@/lib/message-to-pay/template-schema";
import { requestIp } from "@/lib/platform/request-ip";

/** The owner saves the practice's wording; a missing [MsgToPayURL] or an unknown tag is refused next to its field. */
export const saveTemplateAction = memberAction(templateSchema, { role: "owner" }, async (input, { user, tenant }) => {
  await saveTemplate(await getDb(), tenant.id, input, user.id, await requestIp());
  revalidatePath("/dashboard/messages/templates");
  return success(undefined, "Template saved. New messages use it right away.");
});
