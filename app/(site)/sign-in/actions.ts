"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { SIGN_IN_MESSAGES } from "@/lib/auth/messages";
import { failure, success, validatedAction } from "@/lib/auth/safe-action";
import { magicLinkSchema, signInSchema } from "@/lib/auth/schemas";
import { rootUrl } from "@/lib/tenancy/urls";

// signIn() answers success by throwing Next's redirect, which must propagate; only Auth.js's own
// refusals (AuthError) become a message on the form.

export const signInWithPassword = validatedAction(signInSchema, async ({ email, password, callbackUrl }) => {
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackUrl(callbackUrl) });
  } catch (err) {
    if (err instanceof AuthError) return failure(SIGN_IN_MESSAGES.wrongCredentials);
    throw err;
  }
  return success();
});

export const requestSignInLink = validatedAction(magicLinkSchema, async ({ email, callbackUrl }) => {
  let next: string;
  try {
    next = await signIn("email", { email, redirectTo: safeCallbackUrl(callbackUrl), redirect: false });
  } catch (err) {
    if (err instanceof AuthError) return failure(SIGN_IN_MESSAGES.linkNotSent);
    throw err;
  }
  // Auth.js answers with its /api/auth/verify-request, which only bounces to our page: skip the hop.
  redirect(new URL(next, rootUrl("/")).pathname.endsWith("/verify-request") ? "/sign-in/check-email" : next);
});
