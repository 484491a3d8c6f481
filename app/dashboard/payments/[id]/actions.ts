"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { failure, memberAction, success } from "@/lib/auth/safe-action";
import { formatCents, parseMoneyToCents } from "@/lib/money";
import { markPaymentPosted } from "@/lib/payments/mark-posted";
import { refundPayment } from "@/lib/payments/refund-payment";
import { requestIp } from "@/lib/platform/request-ip";

const refundSchema = z.object({
  paymentId: z.uuid(),
  amount: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const cents = parseMoneyToCents(v);
      if (cents === null || cents < 1) {
        ctx.addIssue({ code: "custom", message: "Enter an amount like 25 or 25.50." });
        return z.NEVER;
      }
      return cents;
    }),
  confirm: z.literal("yes", { error: "Tick the box to confirm the refund." }),
});

// The payment id names WHICH payment; the practice always comes from the member's session, so
// another practice's payment id finds nothing.
export const refundAction = memberAction(refundSchema, {}, async ({ paymentId, amount }, { user, tenant }) => {
  const result = await refundPayment(await getDb(), { tenantId: tenant.id, paymentId, amountCents: amount, actorUserId: user.id, ip: await requestIp() });
  if (!result.ok) return result.code === "amount_too_large" ? failure(undefined, { amount: [result.message] }) : failure(result.message);
  revalidatePath(`/dashboard/payments/${paymentId}`);
  return success(undefined, `Refunded ${formatCents(amount, result.payment.currency)}. It reaches the patient's card in 5–10 days.`);
});

export const markPostedAction = memberAction(z.object({ paymentId: z.uuid() }), {}, async ({ paymentId }, { user, tenant }) => {
  const ok = await markPaymentPosted(await getDb(), { tenantId: tenant.id, paymentId, actorUserId: user.id, ip: await requestIp() });
  if (!ok) return failure("Only paid payments can be marked as posted.");
  revalidatePath(`/dashboard/payments/${paymentId}`);
  return success(undefined, "Marked as posted.");
});
