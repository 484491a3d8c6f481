import type { MemberRole } from "@/db/schema";

// Every refusal a team function can give, with the words the dashboard and invite page show.

export type TeamFailureCode =
  | "forbidden"
  | "invalid-input"
  | "already-member"
  | "rate-limited"
  | "busy"
  | "email-not-sent"
  | "not-found"
  | "last-owner"
  | "unknown-invitation"
  | "expired"
  | "revoked"
  | "used"
  | "wrong-email"
  | "signed-out";

export interface TeamFailure {
  ok: false;
  code: TeamFailureCode;
  message: string;
  /** The form field the message belongs next to, when there is one. */
  field?: "email" | "role";
}

export const TEAM_MESSAGES = {
  forbidden: "Only the practice owner can do this.",
  "invalid-input": "Check the highlighted fields.",
  "already-member": "That person is already a member of this practice.",
  "rate-limited": "You've sent a lot of invitations in the last hour. Please try again later.",
  busy: "Another invitation to this address was just sent. Reload the page to see it.",
  "email-not-sent": "We couldn't send the invitation email just now, so the invitation was withdrawn. Please try again in a minute.",
  "not-found": "That member or invitation is no longer here. Reload the page to see the current team.",
  "last-owner": "A practice needs at least one owner. Make someone else an owner first.",
  "unknown-invitation": "This invitation link doesn't work. Check that you opened the whole link from the email.",
  expired: "This invitation has expired. Ask the practice to invite you again.",
  revoked: "This invitation was withdrawn. Ask the practice for a new one if you still need access.",
  used: "This invitation has already been used.",
  "wrong-email": "This invitation is for a different email address than the one you're signed in with.",
  "signed-out": "Your session has ended. Sign in again to continue.",
} as const satisfies Record<TeamFailureCode, string>;

/** A refusal carrying its standard message (or `message` when given). */
export function teamFailure(code: TeamFailureCode, options: { message?: string; field?: TeamFailure["field"] } = {}): TeamFailure {
  return { ok: false, code, message: options.message ?? TEAM_MESSAGES[code], ...(options.field ? { field: options.field } : {}) };
}

export const ROLE_LABELS: Record<MemberRole, string> = { owner: "Owner", staff: "Staff" };
