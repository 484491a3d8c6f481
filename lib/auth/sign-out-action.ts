"use server";

import { signOut } from "./index";

/** Ends the session (clears the cookie) and returns to the sign-in page. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
