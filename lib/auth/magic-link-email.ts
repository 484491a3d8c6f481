import { sha256 } from "@/lib/security/sha256";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { sendEmail } from "@/lib/messaging/send-email";
import { consumeRateLimit } from "@/lib/rate-limit/consume";
import { rootUrl } from "@/lib/tenancy/urls";

// The email behind "Email me a sign-in link". Auth.js builds the link from the request's Host header;
// we rebuild it on the root host, or a forged Host would mail a victim a link (and their token) to
// an attacker's server.

/** Minutes a sign-in link stays valid (also Auth.js's maxAge for the provider). */
export const MAGIC_LINK_MINUTES = 30;

/** Sign-in emails one address can be sent per hour; more requests are dropped silently. */
export const MAGIC_LINKS_PER_HOUR = 5;

export const SIGN_IN_SUBJECT = "Your Chairside sign-in link";
export const NO_ACCOUNT_SUBJECT = "Signing in to Chairside";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** The same path and query as `authUrl`, on the root host whatever host Auth.js saw. */
export function onRootHost(authUrl: string): string {
  const url = new URL(authUrl);
  return rootUrl(`${url.pathname}${url.search}`);
}

// Inline styles only: mail clients drop <style> and ignore classes.
function layout(heading: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<body style="margin:0;padding:24px;background:#f8fafc;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#0f172a;">
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:480px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;">
    <tr><td style="padding:24px;">
      <p style="margin:0 0 16px;font-size:14px;font-weight:700;letter-spacing:.05em;text-transform:uppercase;color:#115e59;">Chairside</p>
      <h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;">${heading}</h1>
      ${body}
    </td></tr>
  </table>
</body>
</html>`;
}

/** The sign-in email: one button, the same link as plain text, when it expires, and what to do if you didn't ask. */
export function renderSignInEmail(link: string): RenderedEmail {
  const href = escapeHtml(link);
  const html = layout(
    "Sign in to Chairside",
    `<p style="margin:0 0 20px;font-size:16px;line-height:1.5;">Use the button below to sign in. The link works once and expires in ${MAGIC_LINK_MINUTES} minutes.</p>
      <p style="margin:0 0 20px;"><a href="${href}" style="display:inline-block;padding:12px 20px;background:#115e59;color:#ffffff;font-weight:600;text-decoration:none;border-radius:6px;">Sign in to Chairside</a></p>
      <p style="margin:0 0 8px;font-size:14px;line-height:1.5;color:#334155;">If the button doesn't work, copy this address into your browser:</p>
      <p style="margin:0 0 20px;font-size:14px;line-height:1.5;word-break:break-all;"><a href="${href}" style="color:#115e59;">${href}</a></p>
      <p style="margin:0;font-size:14px;line-height:1.5;color:#334155;">If you didn't ask to sign in, ignore this email: nobody can sign in without this link.</p>`,
  );
  const text = [
    "Sign in to Chairside",
    "",
    `Open this link to sign in. It works once and expires in ${MAGIC_LINK_MINUTES} minutes:`,
    "",
    link,
    "",
    "If you didn't ask to sign in, ignore this email: nobody can sign in without this link.",
  ].join("\n");
  return { subject: SIGN_IN_SUBJECT, html, text };
}

/** Sent instead of a link when the address has no account: tells the owner of the inbox, and only them. */
export function renderNoAccountEmail(signUpUrl: string): RenderedEmail {
  const href = escapeHtml(signUpUrl);
  const html = layout(
    "No Chairside account for this address",
    `<p style="margin:0 0 20px;font-size:16px;line-height:1.5;">Someone asked for a sign-in link for this email address, but there is no Chairside account for it.</p>
      <p style="margin:0 0 20px;font-size:16px;line-height:1.5;">If that was you, you may have signed up with another address, or you can <a href="${href}" style="color:#115e59;">create an account</a>.</p>
      <p style="margin:0;font-size:14px;line-height:1.5;color:#334155;">If it wasn't you, ignore this email.</p>`,
  );
  const text = [
    "No Chairside account for this address",
    "",
    "Someone asked for a sign-in link for this email address, but there is no Chairside account for it.",
    "",
    `If that was you, you may have signed up with another address, or you can create an account: ${signUpUrl}`,
    "",
    "If it wasn't you, ignore this email.",
  ].join("\n");
  return { subject: NO_ACCOUNT_SUBJECT, html, text };
}

/**
 * Mails `identifier` its sign-in link on the root host if it has an account, else a no-account notice
 * (no link); at most MAGIC_LINKS_PER_HOUR per address. The visitor sees the same "check your email"
 * page in every case, so nothing here can be used to probe for accounts.
 */
export async function sendMagicLinkEmail(db: Executor, identifier: string, authUrl: string): Promise<void> {
  // Stops anyone using the form to flood an inbox. Keyed by a hash: bucket keys must not hold contacts.
  const addressKey = sha256(identifier, "hex");
  const { allowed } = await consumeRateLimit(db, { key: `magic-link:${addressKey}`, limit: MAGIC_LINKS_PER_HOUR, windowSeconds: 3600 });
  if (!allowed) return;
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, identifier));
  const email = account ? renderSignInEmail(onRootHost(authUrl)) : renderNoAccountEmail(rootUrl("/sign-up"));
  await sendEmail({ to: identifier, tenantId: null, ...email });
}
