import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { currentUser } from "@/lib/auth/guards";
import { findInvitationByToken, INVITATION_DAYS, invitationPath, isMemberOf } from "@/lib/team";
import { signOutForInvitationAction } from "./actions";
import { JoinForm } from "./join-form";

// The link in an invitation email. Root host only (middleware sends tenant hosts' paths under /t).
export const metadata: Metadata = {
  title: "Invitation",
  // The token is in this page's URL: never hand it to another site in a Referer, never index it.
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

const ROLE_PHRASE = { staff: "as staff", owner: "as an owner" } as const;

const buttonPrimary = "block w-full rounded-md bg-teal-800 px-4 py-2.5 text-center font-semibold text-white hover:bg-teal-900";
const buttonSecondary = "block w-full rounded-md border border-slate-400 bg-white px-4 py-2.5 text-center font-semibold text-slate-900 hover:bg-slate-100";

function Shell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-6 px-4 py-10 sm:px-6">
      <Link href="/" className="text-sm font-semibold tracking-wide text-teal-800 uppercase">
        Chairside
      </Link>
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      {children}
    </main>
  );
}

function Card({ children }: { children: React.ReactNode }) {
  return <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6">{children}</section>;
}

function Unusable({ title, children, signedIn }: { title: string; children: React.ReactNode; signedIn: boolean }) {
  return (
    <Shell title={title}>
      <Card>
        <div className="space-y-2 text-slate-800">{children}</div>
        <Link href={signedIn ? "/dashboard" : "/sign-in"} className={buttonSecondary}>
          {signedIn ? "Go to your dashboard" : "Sign in to Chairside"}
        </Link>
      </Card>
    </Shell>
  );
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [lookup, user] = await Promise.all([getDb().then((db) => findInvitationByToken(db, token)), currentUser()]);

  if (lookup.status === "unknown") {
    return (
      <Unusable title="This invitation link doesn't work" signedIn={Boolean(user)}>
        <p>Check that you opened the whole link from the invitation email. If it still doesn&apos;t work, ask the practice to invite you again.</p>
      </Unusable>
    );
  }
  const { invitation } = lookup;
  const practice = invitation.practiceName;

  if (lookup.status === "revoked") {
    return (
      <Unusable title="This invitation was withdrawn" signedIn={Boolean(user)}>
        <p>{practice} withdrew this invitation, or sent a newer one to the same address. Use the newest invitation email, or ask them to invite you again.</p>
      </Unusable>
    );
  }
  if (lookup.status === "expired") {
    return (
      <Unusable title="This invitation has expired" signedIn={Boolean(user)}>
        <p>
          Invitations work for {INVITATION_DAYS} days. Ask {practice} to invite you again.
        </p>
      </Unusable>
    );
  }
  if (lookup.status === "accepted") {
    const member = user ? await isMemberOf(await getDb(), invitation.tenantId, user.id) : false;
    return (
      <Unusable title="This invitation has already been used" signedIn={Boolean(user)}>
        <p>{member ? `You're already a member of ${practice}.` : `Someone has already joined ${practice} with this invitation.`}</p>
      </Unusable>
    );
  }

  const here = invitationPath(token);
  const intro = (
    <p className="text-lg text-slate-800">
      {invitation.inviterName ? `${invitation.inviterName} invited ` : null}
      <strong className="break-all">{invitation.email}</strong>
      {invitation.inviterName ? " to join " : " is invited to join "}
      <strong>{practice}</strong> {ROLE_PHRASE[invitation.role]}.
    </p>
  );

  if (!user) {
    const back = new URLSearchParams({ callbackUrl: here });
    return (
      <Shell title={`Join ${practice}`}>
        {intro}
        <Card>
          <p className="text-slate-800">
            To accept, sign in or create an account with <strong className="break-all">{invitation.email}</strong>.
          </p>
          <Link href={`/sign-up?${back}`} className={buttonPrimary}>
            Create an account
          </Link>
          <Link href={`/sign-in?${back}`} className={buttonSecondary}>
            Sign in
          </Link>
        </Card>
      </Shell>
    );
  }

  if (user.email.trim().toLowerCase() !== invitation.email) {
    return (
      <Shell title={`Join ${practice}`}>
        {intro}
        <Card>
          <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
            <p className="font-semibold">This invitation is for a different email address.</p>
            <p>
              You&apos;re signed in as <strong className="break-all">{user.email}</strong>. Sign out, then sign in or create an account with{" "}
              <strong className="break-all">{invitation.email}</strong> to accept.
            </p>
          </div>
          <form action={signOutForInvitationAction}>
            <input type="hidden" name="token" value={token} />
            <button type="submit" className={buttonSecondary}>
              Sign out
            </button>
          </form>
        </Card>
      </Shell>
    );
  }

  return (
    <Shell title={`Join ${practice}`}>
      {intro}
      <Card>
        <p className="text-slate-800">
          You&apos;re signed in as <strong className="break-all">{user.email}</strong>.
        </p>
        <JoinForm token={token} practiceName={practice} />
      </Card>
    </Shell>
  );
}
