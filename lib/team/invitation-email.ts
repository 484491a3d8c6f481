import type { MemberRole } from "@/db/schema";
import type { RenderedEmail } from "@/lib/auth/magic-link-email";
import { INVITATION_DAYS } from "./invitation-token";

export interface InvitationEmailInput {
  practiceName: string;
  /** The inviting owner's name, or their email when they have none. */
  inviterName: string;
  role: MemberRole;
  /** Absolute accept link on the root host (carries the raw token). */
  link: string;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const ROLE_PHRASE: Record<MemberRole, string> = {
  staff: "as staff (payments, patients and day-to-day work)",
  owner: "as an owner (everything staff can do, plus the registration key, card processor, settings and team)",
};

/** The invitation: who invited you to which practice as what, one button, the link as text, and when it expires. */
export function renderInvitationEmail(input: InvitationEmailInput): RenderedEmail {
  const subject = `${input.inviterName} invited you to ${input.practiceName} on Chairside`;
  const practice = escapeHtml(input.practiceName);
  const inviter = escapeHtml(input.inviterName);
  const href = escapeHtml(input.link);
  // Inline styles only: mail clients drop <style> and ignore classes.
  const html = `<!doctype html>
<html lang="en">
<body style="margin:0;padding:24px;background:#f8fafc;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#0f172a;">
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:480px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;">
    <tr><td style="padding:24px;">
      <p style="margin:0 0 16px;font-size:14px;font-weight:700;letter-spacing:.05em;text-transform:uppercase;color:#115e59;">Chairside</p>
      <h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;">Join ${practice} on Chairside</h1>
      <p style="margin:0 0 20px;font-size:16px;line-height:1.5;">${inviter} invited you to join ${practice} ${escapeHtml(ROLE_PHRASE[input.role])}. The link works for ${INVITATION_DAYS} days.</p>
      <p style="margin:0 0 20px;"><a href="${href}" style="display:inline-block;padding:12px 20px;background:#115e59;color:#ffffff;font-weight:600;text-decoration:none;border-radius:6px;">Accept the invitation</a></p>
      <p style="margin:0 0 8px;font-size:14px;line-height:1.5;color:#334155;">If the button doesn't work, copy this address into your browser:</p>
      <p style="margin:0 0 20px;font-size:14px;line-height:1.5;word-break:break-all;"><a href="${href}" style="color:#115e59;">${href}</a></p>
      <p style="margin:0;font-size:14px;line-height:1.5;color:#334155;">You'll sign in, or create an account with this email address. If you weren't expecting this, ignore this email.</p>
    </td></tr>
  </table>
</body>
</html>`;
  const text = [
    `Join ${input.practiceName} on Chairside`,
    "",
    `${input.inviterName} invited you to join ${input.practiceName} ${ROLE_PHRASE[input.role]}.`,
    "",
    `Open this link to accept. It works for ${INVITATION_DAYS} days:`,
    "",
    input.link,
    "",
    "You'll sign in, or create an account with this email address. If you weren't expecting this, ignore this email.",
  ].join("\n");
  return { subject, html, text };
}
