"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { PRACTICE_COOKIE } from "@/lib/auth/membership";
import { currentUser } from "@/lib/auth/guards";
import { isEmailVerified, sendEmailVerification } from "@/lib/auth/email-verification";
import { failure, success, validatedAction } from "@/lib/auth/safe-action";
import { requestIp } from "@/lib/platform/request-ip";
import { createPractice } from "@/lib/tenancy/create-practice";
import { newPracticeSchema } from "@/lib/tenancy/practice-schemas";

export const createPracticeAction = validatedAction(newPracticeSchema, async (input) => {
  const user = await currentUser();
  if (!user) return failure("Your session has ended. Sign in again to continue.");
  const db = await getDb();
  if (!(await isEmailVerified(db, user.id))) return failure("Confirm your email address first: open the link we emailed you.");
  const result = await createPractice(db, user.id, input, await requestIp());
  if (!result.ok) return failure(undefined, { [result.field]: [result.message] });
  (await cookies()).set(PRACTICE_COOKIE, result.tenant.id, { httpOnly: true, sameSite: "lax", path: "/" });
  redirect("/dashboard");
});

export const resendVerificationAction = validatedAction(z.object({}), async () => {
  const user = await currentUser();
  if (!user) return failure("Your session has ended. Sign in again to continue.");
  const sent = await sendEmailVerification(await getDb(), user.email);
  return sent ? success(undefined, `We sent a new link to ${user.email}.`) : failure("We've sent several links in the last hour. Please wait a little, then try again.");
});
