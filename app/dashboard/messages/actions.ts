"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { failure, memberAction, success } from "@/lib/auth/safe-action";
import { revokeRequest } from "@/lib/message-to-pay/revoke-request";

/** Staff cancel a personal link: it stops working at once and its reminders stop. */
export const revokeRequestAction = memberAction(z.object({ requestId: z.uuid("Unknown request.") }), {}, async ({ requestId }, { tenant }) => {
  const ok = await revokeRequest(await getDb(), tenant.id, requestId);
  if (!ok) return failure("That link is already revoked, or isn't your practice's.");
  revalidatePath("/dashboard/messages");
  return success(undefined, "Link revoked.");
});
