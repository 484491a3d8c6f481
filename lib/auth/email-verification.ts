import { newSecretToken } from "@/lib/security/secret-token";
import { sha256 } from "@/lib/security/sha256";
import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, verificationTokens } from "@/db/schema";
import { sendEmail } from "@/lib/messaging/send-email";
import { consumeRateLimit } from "@/lib/rate-limit/consume";
import { rootUrl } from "@/lib/tenancy/urls";

// Proof that a new office user owns their email address, before they can create a practice.
// Tokens live in Auth.js's verification_tokens table under their own identifier prefix, hashed.

export const VERIFY_EMAIL_HOURS = 24;
const PREFIX = "verify-email:";

/** Whether the account's email is confirmed (by this link or by signing in with a magic link). */
export async function isEmailVerified(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db.select({ at: users.emailVerified }).from(users).where(eq(users.id, userId));
  return Boolean(row?.at);
}

/** Emails a one-time confirmation link (24 h); at most 5 per address per hour. False when rate-limited. */
export async function sendEmailVerification(db: Executor, email: string, now = new Date()): Promise<boolean> {
  const limit = await consumeRateLimit(db, { key: `verify-email:${sha256(email)}`, limit: 5, windowSeconds: 3600 }, now);
  if (!limit.allowed) return false;
  const { token, tokenHash } = newSecretToken();
  await db.insert(verificationTokens).values({ identifier: `${PREFIX}${email}`, token: tokenHash, expires: new Date(now.getTime() + VERIFY_EMAIL_HOURS * 3600_000) });
  const link = rootUrl(`/verify-email?token=${token}`);
  await sendEmail({
    to: email,
    subject: "Confirm your email for Chairside",
    text: `Confirm your email address to finish setting up your practice on Chairside:\n\n${link}\n\nThe link works for ${VERIFY_EMAIL_HOURS} hours. If you didn't sign up, ignore this email.`,
    html: `<p style="font-family:system-ui,sans-serif;font-size:16px">Confirm your email address to finish setting up your practice on Chairside.</p><p><a href="${link}" style="display:inline-block;padding:12px 20px;background:#115e59;color:#fff;border-radius:8px;font-family:system-ui,sans-serif;text-decoration:none">Confirm my email</a></p><p style="font-family:system-ui,sans-serif;font-size:14px;color:#475569">The link works for ${VERIFY_EMAIL_HOURS} hours. If you didn't sign up, ignore this email.</p>`,
  });
  return true;
}

/** Confirms the email a valid, unexpired link was sent to; the link works once. Returns the email or null. */
export async function confirmEmailToken(db: Executor, token: string, now = new Date()): Promise<string | null> {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .delete(verificationTokens)
    .where(and(eq(verificationTokens.token, sha256(token)), gt(verificationTokens.expires, now)))
    .returning();
  if (!row || !row.identifier.startsWith(PREFIX)) return null;
  const email = row.identifier.slice(PREFIX.length);
  await db.update(users).set({ emailVerified: now }).where(eq(users.email, email));
  return email;
}
