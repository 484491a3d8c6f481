"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { PRACTICE_COOKIE } from "@/lib/auth/membership";
import { currentUser } from "@/lib/auth/guards";
import { failure, validatedAction } from "@/lib/auth/safe-action";
import { requestIp } from "@/lib/platform/request-ip";
import { createPractice } from "@/lib/tenancy/create-practice";
import { newPracticeSchema } from "@/lib/tenancy/practice-schemas";

export const createPracticeAction = validatedAction(newPracticeSchema, async (input) => {
  const user = await currentUser();
  if (!user) return failure("Your session has ended. Sign in again to continue.");
  const result = await createPractice(await getDb(), user.id, input, await requestIp());
  if (!result.ok) return failure(undefined, { [result.field]: [result.message] });
  (await cookies()).set(PRACTICE_COOKIE, result.tenant.id, { httpOnly: true, sameSite: "lax", path: "/" });
  redirect("/dashboard");
});
