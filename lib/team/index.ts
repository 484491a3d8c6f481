// The practice's team as the dashboard and the invite page see it. Every function that changes the
// team takes a TeamActor built from the signed-in member's session and checks it is an owner itself.
export { isMemberOf, type TeamActor } from "./member-checks";
export { listTeam, type OpenInvitation, type Team, type TeamMember } from "./list-team";
export { inviteMember, INVITES_PER_HOUR, type InviteResult, type SentInvitation } from "./invite-member";
export { revokeInvitation, type RevokeResult } from "./revoke-invitation";
export { findInvitationByToken, type InvitationDetails, type InvitationLookup, type InvitationStatus } from "./find-invitation";
export { acceptInvitation, type AcceptResult } from "./accept-invitation";
export { changeMemberRole, type ChangeRoleResult } from "./change-member-role";
export { removeMember, LAST_OWNER_LEAVING_MESSAGE, type RemoveResult } from "./remove-member";
export { INVITATION_DAYS, invitationPath, isInvitationTokenShape } from "./invitation-token";
export { ROLE_LABELS, TEAM_MESSAGES, type TeamFailure, type TeamFailureCode } from "./team-failure";
