import { z } from "zod";
import { memberRole } from "@/db/schema";

// Shared by the team actions (to parse form posts) and lib/team (to refuse bad input from any caller).

/** Trimmed and lower-cased, like users.email, so one person is one address. */
export const inviteeEmailField = z
  .string({ error: "Enter the email address to invite." })
  .trim()
  .toLowerCase()
  .min(1, "Enter the email address to invite.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

export const roleField = z.enum(memberRole.enumValues, { error: "Choose Owner or Staff." });

export const inviteSchema = z.object({ email: inviteeEmailField, role: roleField });
export type InviteInput = z.input<typeof inviteSchema>;

export const revokeInvitationSchema = z.object({ invitationId: z.uuid({ error: "That invitation is no longer here." }) });

const memberIdField = z.string({ error: "Choose a member." }).min(1, "Choose a member.").max(200);

export const changeRoleSchema = z.object({ userId: memberIdField, role: roleField });

export const removeMemberSchema = z.object({
  userId: memberIdField,
  confirm: z.literal("yes", { error: "Tick the box to confirm." }),
});

export const joinSchema = z.object({ token: z.string({ error: "This invitation link doesn't work." }).max(200) });
