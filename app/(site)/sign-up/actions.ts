"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { getDb } from "@/db/client";
import { signIn } from "@/lib/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { SIGN_IN_MESSAGES } from "@/lib/auth/messages";
import { failure, validatedAction } from "@/lib/auth/safe-action";
import { linkSignUpSchema } from "@/lib/auth/schemas";
import { buildSignUpAction, createLinkAccount } from "@/lib/auth/sign-up";

// After the account exists, sign in with the same credentials; signIn() redirects to the form's
// callbackUrl (made safe) or /dashboard, which sends someone without a practice on to create one.
export const signUp = buildSignUpAction(async ({ email, password, redirectTo }) => {
  await signIn("credentials", { email, password, redirectTo });
});

// Sign-up by magic link: the account exists first (sign-in links only go to known accounts), then
// Auth.js emails the link; following it signs the person in and marks the email verified.
export const signUpWithLink = validatedAction(linkSignUpSchema, async (input) => {
  await createLinkAccount(await getDb(), input);
  try {
    await signIn("email", { email: input.email, redirectTo: safeCallbackUrl(input.callbackUrl), redirect: false });
  } catch (err) {
    if (err instanceof AuthError) return failure(SIGN_IN_MESSAGES.linkNotSent);
    throw err;
  }
  redirect("/sign-in/check-email");
});
