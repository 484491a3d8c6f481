"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { failure, memberAction } from "@/lib/auth/safe-action";
import { batchFiltersSchema } from "@/lib/message-to-pay/batch-filters";
import { channelsSchema } from "@/lib/message-to-pay/channels-schema";
import { sendBatch } from "@/lib/message-to-pay/send-batch";

/** Owner or staff: send the matching patients a Message-to-Pay, then watch the batch's progress. */
export const sendBatchAction = memberAction(batchFiltersSchema.extend({ channels: channelsSchema }), {}, async ({ channels, ...filters }, { user, tenant }) => {
  const result = await sendBatch(await getDb(), { tenantId: tenant.id, userId: user.id, filters, channels });
  if (result.requests === 0) return failure("No matching patient owes anything or can be reached on those channels. Nothing was sent.");
  redirect(`/dashboard/messages/batches/${result.batchId}`);
});
