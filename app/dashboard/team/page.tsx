import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/guards";
import { INVITATION_DAYS, listTeam, ROLE_LABELS } from "@/lib/team";
import { InviteForm, RemoveMemberForm, RevokeInvitationForm, RoleForm } from "./team-forms";

export const metadata: Metadata = { title: "Team" };

// Everyone in the practice sees who is on the team; only owners invite, change roles and remove.
export default async function TeamPage() {
  const { user, tenant, role } = await requireMember({ returnTo: "/dashboard/team" });
  const team = await listTeam(await getDb(), tenant.id);
  const isOwner = role === "owner";
  const owners = team.members.filter((m) => m.role === "owner").length;
  const dateFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: tenant.timeZone });
  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Team</h1>
        <p className="text-slate-700">
          Staff handle payments, patients and day-to-day work. Only owners change the registration key, card processor, settings and team.
        </p>
        {isOwner ? null : <p className="text-slate-700">Only an owner can invite people or change the team.</p>}
      </div>

      <section aria-labelledby="members-title" className="space-y-3">
        <h2 id="members-title" className="text-xl font-semibold">
          Members <span className="font-normal text-slate-600">({team.members.length})</span>
        </h2>
        <ul className="space-y-3">
          {team.members.map((m) => {
            const isSelf = m.userId === user.id;
            const label = m.name ?? m.email;
            // The sole owner can neither step down nor leave; say so instead of offering controls that would refuse.
            const soleOwner = m.role === "owner" && owners <= 1;
            return (
              <li key={m.userId} aria-label={label} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-semibold break-words">
                      {m.name ?? "(no name)"} {isSelf ? <span className="font-normal text-slate-600">(you)</span> : null}
                    </p>
                    <p className="text-sm break-all text-slate-700">{m.email}</p>
                  </div>
                  <p className="rounded-full bg-slate-100 px-2.5 py-0.5 text-sm font-medium text-slate-900">{ROLE_LABELS[m.role]}</p>
                </div>
                {isOwner && !soleOwner ? (
                  <div className="grid gap-3 sm:grid-cols-2 sm:items-start">
                    <RoleForm userId={m.userId} role={m.role} memberLabel={label} />
                    <RemoveMemberForm userId={m.userId} memberLabel={label} practiceName={tenant.name} isSelf={isSelf} />
                  </div>
                ) : null}
                {isOwner && soleOwner ? (
                  <p className="text-sm text-slate-700">{isSelf ? "You're" : "This is"} the only owner. Make someone else an owner before changing this role.</p>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="invitations-title" className="space-y-3">
        <h2 id="invitations-title" className="text-xl font-semibold">
          Invitations waiting for an answer
        </h2>
        {team.invitations.length === 0 ? (
          <p className="text-slate-700">None.</p>
        ) : (
          <ul className="space-y-3">
            {team.invitations.map((inv) => (
              <li key={inv.id} aria-label={`Invitation to ${inv.email}`} className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white p-4">
                <div className="min-w-0">
                  <p className="font-semibold break-all">{inv.email}</p>
                  <p className="text-sm text-slate-700">
                    {ROLE_LABELS[inv.role]} · invited {dateFmt.format(inv.createdAt)}
                    {inv.invitedByName ? ` by ${inv.invitedByName}` : ""} ·{" "}
                    {inv.expired ? (
                      <strong className="text-red-800">expired {dateFmt.format(inv.expiresAt)}</strong>
                    ) : (
                      <>expires {dateFmt.format(inv.expiresAt)}</>
                    )}
                  </p>
                </div>
                {isOwner ? <RevokeInvitationForm invitationId={inv.id} email={inv.email} /> : null}
              </li>
            ))}
          </ul>
        )}
        {isOwner && team.invitations.some((i) => i.expired) ? <p className="text-sm text-slate-700">To send an expired invitation again, invite the same address below.</p> : null}
      </section>

      {isOwner ? (
        <section aria-labelledby="invite-title" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="invite-title" className="text-xl font-semibold">
            Invite someone
          </h2>
          <InviteForm validDays={INVITATION_DAYS} />
        </section>
      ) : null}
    </div>
  );
}
