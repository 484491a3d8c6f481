import { createHash, randomBytes } from "node:crypto";
import type { Executor } from "@/db/client";
import { verificationTokens } from "@/db/schema";
import { MAGIC_LINK_MINUTES, renderSignInEmail } from "@/lib/auth/magic-link-email";
import { sendEmail } from "@/lib/messaging/send-email";
import { rootUrl } from "@/lib/tenancy/urls";

/**
 * Stores an Auth.js email sign-in token for `email` and returns its link on the root host, exactly as
 * "Email me a sign-in link" would make one, so /api/auth/callback/email accepts it.
 */
export async function createSignInLink(tx: Executor, email: string, secret: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("hex");
  // Auth.js's own scheme (core/lib/actions/signin/send-token): sha256 of token + secret, hex.
  const hashed = createHash("sha256").update(`${token}${secret}`).digest("hex");
  await tx.insert(verificationTokens).values({ identifier: email, token: hashed, expires: new Date(now.getTime() + MAGIC_LINK_MINUTES * 60_000) });
  return rootUrl(`/api/auth/callback/email?${new URLSearchParams({ callbackUrl: rootUrl("/dashboard"), token, email })}`);
}

/** Mails a sign-in link made by createSignInLink, with the same email the sign-in form sends. */
export async function mailSignInLink(email: string, link: string): Promise<void> {
  await sendEmail({ to: email, tenantId: null, ...renderSignInEmail(link) });
}
