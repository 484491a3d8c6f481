"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { failure, memberAction, success } from "@/lib/auth/safe-action";
import { channelsSchema } from "@/lib/message-to-pay/channels-schema";
import { sendSingleRequest } from "@/lib/message-to-pay/send-single";
import { templateSchema } from "@/lib/message-to-pay/template-schema";

const CHANNEL_NAME = { email: "email", sms: "text" } as const;

/** Staff send this patient a Message-to-Pay with the wording as edited for them. */
export const sendToPatientAction = memberAction(
  templateSchema.extend({ patientId: z.uuid("Unknown patient."), channels: channelsSchema }),
  {},
  async ({ patientId, channels, ...template }, { user, tenant }) => {
    const result = await sendSingleRequest(await getDb(), { tenantId: tenant.id, userId: user.id, patientId, channels, template });
    if (!result.ok) return failure(result.message);
    revalidatePath(`/dashboard/patients/${patientId}`);
    const skipped = result.skipped.map((s) => `${CHANNEL_NAME[s.channel]} skipped (${s.reason === "opted_out" ? "opted out" : "no address on file"})`);
    return success(undefined, `Message-to-Pay queued: ${result.queued} message${result.queued === 1 ? "" : "s"}.${skipped.length ? ` ${skipped.join("; ")}.` : ""}`);
  },
);
