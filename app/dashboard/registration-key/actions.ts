"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { failure, memberAction, success } from "@/lib/auth/safe-action";
import { requestIp } from "@/lib/platform/request-ip";
import { consumeRateLimits, retryMessage } from "@/lib/rate-limit/consume";
import { claimKey } from "@/lib/registration-keys/claim-key";
import { revalidatePortal } from "@/lib/tenancy/revalidate-portal";

const claimSchema = z.object({ key: z.string().trim().min(1, "Enter your registration key.").max(40, "That is too long for a key.") });

export const claimKeyAction = memberAction(claimSchema, { role: "owner" }, async ({ key }, { user, tenant }) => {
  const db = await getDb();
  const ip = await requestIp();
  const limited = await consumeRateLimits(db, [
    { key: `key-claim:user:${user.id}`, limit: 10, windowSeconds: 900 },
    { key: `key-claim:ip:${ip}`, limit: 30, windowSeconds: 900 },
  ]);
  if (!limited.allowed) return failure(undefined, { key: [retryMessage(limited.retryAfterSeconds)] });
  const result = await claimKey(db, { tenantId: tenant.id, rawKey: key, actorUserId: user.id, ip });
  if (!result.ok) return failure(undefined, { key: [result.message] });
  revalidatePortal(tenant.slug);
  revalidatePath("/dashboard");
  return success(undefined, "Key accepted. Your practice is on support.");
});
