"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { failure, memberAction, success, type MemberContext } from "@/lib/auth/safe-action";
import { requestIp } from "@/lib/platform/request-ip";
import { changeMemberRole, INVITATION_DAYS, inviteMember, removeMember, revokeInvitation, ROLE_LABELS, type TeamActor, type TeamFailure } from "@/lib/team";
import { changeRoleSchema, inviteSchema, removeMemberSchema, revokeInvitationSchema } from "@/lib/team/team-schemas";

// Owner-only actions. memberAction refuses staff before any of this runs, and each lib/team function
// checks again against the database; the practice always comes from the session, never the form.

const TEAM_PATH = "/dashboard/team";

async function actorFrom({ user, tenant }: MemberContext): Promise<TeamActor> {
  return { tenantId: tenant.id, actorUserId: user.id, ip: await requestIp() };
}

function refused(result: TeamFailure, values?: Record<string, string>) {
  const base = result.field ? failure(undefined, { [result.field]: [result.message] }) : failure(result.message);
  // Forms reset after every submit; hand back what was typed so a refusal doesn't erase it.
  return values ? { ...base, values } : base;
}

export const inviteAction = memberAction(inviteSchema, { role: "owner" }, async (input, ctx) => {
  const result = await inviteMember(await getDb(), await actorFrom(ctx), input);
  if (!result.ok) return refused(result, { email: input.email, role: input.role });
  revalidatePath(TEAM_PATH);
  const again = result.invitation.replaced ? " The earlier invitation's link no longer works." : "";
  return success(undefined, `Invitation sent to ${result.invitation.email}. The link works for ${INVITATION_DAYS} days.${again}`);
});

export const revokeInvitationAction = memberAction(revokeInvitationSchema, { role: "owner" }, async ({ invitationId }, ctx) => {
  const result = await revokeInvitation(await getDb(), await actorFrom(ctx), invitationId);
  if (!result.ok) return refused(result);
  revalidatePath(TEAM_PATH);
  return success(undefined, `Invitation to ${result.email} withdrawn.`);
});

export const changeRoleAction = memberAction(changeRoleSchema, { role: "owner" }, async ({ userId, role }, ctx) => {
  const result = await changeMemberRole(await getDb(), await actorFrom(ctx), { userId, role });
  if (!result.ok) return refused(result);
  revalidatePath(TEAM_PATH);
  return success(undefined, result.changed ? `Saved: now ${ROLE_LABELS[role]}.` : "No change.");
});

export const removeMemberAction = memberAction(removeMemberSchema, { role: "owner" }, async ({ userId }, ctx) => {
  const result = await removeMember(await getDb(), await actorFrom(ctx), { userId });
  if (!result.ok) return refused(result);
  // Someone who just left this practice can't see its team page any more.
  if (result.removedSelf) redirect("/dashboard");
  revalidatePath(TEAM_PATH);
  return success(undefined, "Removed from the practice.");
});
