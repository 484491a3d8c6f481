import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireSupport } from "@/lib/auth/guards";
import { listSupportUsers } from "@/lib/support/support-users";
import { ActionForm } from "../_components/action-form";
import { inviteSupportAction, removeSupportAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  await requireSupport();
  return { title: "Support staff · Support" };
}

export default async function StaffPage() {
  const user = await requireSupport();
  const staff = await listSupportUsers(await getDb());
  const isAdmin = user.platformRole === "support-admin";
  return (
    <main className="mx-auto max-w-3xl space-y-8 px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Support staff</h1>
      {!isAdmin ? <p className="rounded-lg bg-slate-100 p-3">Only a support admin can invite or remove support staff.</p> : null}
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        {staff.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <span>
              <strong>{s.email}</strong> — {s.platformRole}
            </span>
            {isAdmin && s.id !== user.id ? (
              <ActionForm action={removeSupportAction} label={`Remove ${s.email}`} submit={`Remove ${s.email}`} variant="danger" hidden={{ userId: s.id }} />
            ) : null}
          </li>
        ))}
      </ul>
      {isAdmin ? (
        <section aria-labelledby="invite-title" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="invite-title" className="text-xl font-semibold">Invite to the support team</h2>
          <ActionForm
            action={inviteSupportAction}
            label="Invite support user"
            submit="Invite"
            fields={[
              { name: "email", label: "Email address", type: "email", hint: "They get an email with a sign-in link." },
              { name: "role", label: "Role", type: "select", options: [{ value: "support", label: "Support" }, { value: "support-admin", label: "Support admin (can manage staff)" }] },
            ]}
          />
        </section>
      ) : null}
    </main>
  );
}
