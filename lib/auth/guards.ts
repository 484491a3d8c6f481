import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { MemberRole } from "@/db/schema";
import { checkMemberAccess, checkSupportAccess, loadSessionUser, type MemberContext, type SessionUser, type SupportContext } from "./access";
import { safeCallbackUrl } from "./callback-url";
import { readSessionRequest } from "./session-request";

// Page guards. Call one at the top of every page (not only in a layout: layouts don't re-run on
// client navigation and render in parallel with pages). They redirect or 404; they never return null.

export const NEW_PRACTICE_PATH = "/dashboard/new-practice";
export const FORBIDDEN_PATH = "/dashboard/forbidden";

function signInPath(returnTo: string): string {
  return `/sign-in?${new URLSearchParams({ callbackUrl: safeCallbackUrl(returnTo) })}`;
}

/** The signed-in user, re-read from the database, or null. Never redirects. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const { userId } = await readSessionRequest();
  return loadSessionUser(await getDb(), userId);
});

/** The signed-in user; anonymous visitors (or deleted accounts) are redirected to /sign-in?callbackUrl=`returnTo`. */
export async function requireUser(options: { returnTo?: string } = {}): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(signInPath(options.returnTo ?? "/dashboard"));
  return user;
}

/**
 * The user, their practice (from their membership, or the `cs_practice` cookie if they belong to it) and role.
 * Anonymous → /sign-in; no membership → /dashboard/new-practice (support staff → /support); lacking `role` → the 403 page.
 */
export async function requireMember(options: { role?: MemberRole; returnTo?: string } = {}): Promise<MemberContext> {
  const access = await checkMemberAccess(await getDb(), await readSessionRequest(), options.role);
  if (access.ok) return access.ctx;
  return refuseMember(access, options.returnTo);
}

/**
 * requireMember for route handlers that change data (GET links from a processor, downloads that record
 * something): a support view is read-only, so it is sent back to `returnTo` before anything changes.
 */
export async function requireMemberForChange(options: { role?: MemberRole; returnTo: string }): Promise<MemberContext> {
  const ctx = await requireMember(options);
  if (ctx.supportView) redirect(options.returnTo);
  return ctx;
}

function refuseMember(access: Extract<Awaited<ReturnType<typeof checkMemberAccess>>, { ok: false }>, returnTo?: string): never {
  const options = { returnTo };
  switch (access.reason) {
    case "signed-out":
      redirect(signInPath(options.returnTo ?? "/dashboard"));
    case "no-membership":
      // Support staff aren't office members; don't invite them to create a practice.
      redirect(access.user?.platformRole ? "/support" : NEW_PRACTICE_PATH);
    case "wrong-role":
      // `forbidden()` would answer with a real 403 but needs experimental.authInterrupts in next.config.ts.
      redirect(FORBIDDEN_PATH);
  }
}

/** A support user; everyone else, signed in or not, gets the ordinary 404 so the console's existence stays hidden. */
export async function requireSupport(): Promise<SupportContext["user"]> {
  const { userId } = await readSessionRequest();
  const access = await checkSupportAccess(await getDb(), { userId });
  if (!access.ok) notFound();
  return access.ctx.user;
}
