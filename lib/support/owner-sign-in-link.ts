import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { authSecret } from "@/lib/auth/secret";
import { createSignInLink, mailSignInLink } from "./sign-in-token";
import { recordSupportAudit, type SupportActor } from "./support-actor";

export type OwnerLinkResult = { ok: true; email: string } | { ok: false; message: string };

/**
 * Emails the practice's first owner a sign-in link through Auth.js's email flow; support never sees the link.
 * The token and the audit entry are written together; the email goes after they commit.
 */
export async function sendOwnerSignInLink(db: Database, actor: SupportActor, input: { practiceId: string }, secret = authSecret()): Promise<OwnerLinkResult> {
  const sent = await db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, input.practiceId), eq(memberships.role, "owner")))
      .orderBy(asc(memberships.createdAt))
      .limit(1);
    if (!owner) return null;
    const link = await createSignInLink(tx, owner.email, secret);
    await recordSupportAudit(tx, actor, { tenantId: input.practiceId, action: "practice.owner-sign-in-link-sent", after: { to: owner.email } });
    return { email: owner.email, link };
  });
  if (!sent) return { ok: false, message: "That practice has no owner to send a link to." };
  await mailSignInLink(sent.email, sent.link);
  return { ok: true, email: sent.email };
}
