"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { signOut } from "@/lib/auth";
import { currentUser } from "@/lib/auth/guards";
import { PRACTICE_COOKIE } from "@/lib/auth/membership";
import { failure, validatedAction } from "@/lib/auth/safe-action";
import { requestIp } from "@/lib/platform/request-ip";
import { acceptInvitation, invitationPath, isInvitationTokenShape, TEAM_MESSAGES } from "@/lib/team";
import { joinSchema } from "@/lib/team/team-schemas";
import { isHttps } from "@/lib/tenancy/urls";

// Not a memberAction: the person joining isn't a member yet. The signed-in user comes from the
// session; the token names the invitation, and acceptInvitation checks it belongs to their email.

export const joinPracticeAction = validatedAction(joinSchema, async ({ token }) => {
  const user = await currentUser();
  if (!user) return failure(TEAM_MESSAGES["signed-out"]);
  const result = await acceptInvitation(await getDb(), { token, userId: user.id, ip: await requestIp() });
  if (!result.ok) return failure(result.message);
  // Open the dashboard on the practice just joined, even for someone who belongs to others too.
  (await cookies()).set(PRACTICE_COOKIE, result.tenantId, { httpOnly: true, sameSite: "lax", secure: isHttps(), path: "/" });
  redirect("/dashboard");
});

/** Signs out and comes back to the invitation, so the right person can sign in or sign up for it. */
export async function signOutForInvitationAction(formData: FormData): Promise<void> {
  const token = formData.get("token");
  await signOut({ redirectTo: isInvitationTokenShape(token) ? invitationPath(token) : "/sign-in" });
}
