"use server";

import { signIn } from "@/lib/auth";
import { buildSignUpAction } from "@/lib/auth/sign-up";

// After the account exists, sign in with the same credentials; signIn() redirects to /dashboard,
// which sends someone without a practice on to create one.
export const signUp = buildSignUpAction(async ({ email, password }) => {
  await signIn("credentials", { email, password, redirectTo: "/dashboard" });
});
