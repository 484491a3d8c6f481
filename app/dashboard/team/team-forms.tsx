"use client";

import { useActionState } from "react";
import { FormAlert, SubmitButton, TextField } from "@/app/_components/form-parts";
import { changeRoleAction, inviteAction, removeMemberAction, revokeInvitationAction } from "./actions";

// The team page's owner controls. Each form shows its own result: a refusal next to the field it is
// about (or at the top of the form), a success as a status message.

function Done({ message }: { message?: string }) {
  return message ? (
    <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 font-medium text-emerald-900">
      {message}
    </p>
  ) : null;
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={id} className="text-sm font-medium text-red-800">
      {errors.join(" ")}
    </p>
  ) : null;
}

const ROLE_OPTIONS = [
  { value: "staff", label: "Staff", hint: "Payments, patients and day-to-day work." },
  { value: "owner", label: "Owner", hint: "Everything staff can do, plus the registration key, card processor, settings and team." },
] as const;

export function InviteForm({ validDays }: { validDays: number }) {
  const [state, action, pending] = useActionState(inviteAction, null);
  const failed = state?.ok === false ? state : undefined;
  const roleErrors = failed?.fieldErrors?.role;
  const chosenRole = failed?.values?.role === "owner" ? "owner" : "staff";
  return (
    <form action={action} noValidate aria-labelledby="invite-title" className="space-y-4">
      <FormAlert message={failed?.formError} />
      <Done message={state?.ok ? state.message : undefined} />
      <TextField
        id="invite-email"
        name="email"
        label="Email address"
        type="email"
        autoComplete="off"
        hint={`They'll get an email with a link that works for ${validDays} days.`}
        errors={failed?.fieldErrors?.email}
        defaultValue={failed?.values?.email}
      />
      <fieldset className="space-y-2" aria-describedby={roleErrors ? "invite-role-error" : undefined}>
        <legend className="font-medium text-slate-900">Role</legend>
        {ROLE_OPTIONS.map((o) => (
          <div key={o.value} className="flex items-start gap-2">
            <input
              id={`invite-role-${o.value}`}
              name="role"
              type="radio"
              value={o.value}
              defaultChecked={o.value === chosenRole}
              aria-describedby={`invite-role-${o.value}-hint`}
              className="mt-1 h-5 w-5"
            />
            <label htmlFor={`invite-role-${o.value}`}>
              <span className="font-medium">{o.label}</span>
              <span id={`invite-role-${o.value}-hint`} className="block text-sm text-slate-700">
                {o.hint}
              </span>
            </label>
          </div>
        ))}
        <FieldError id="invite-role-error" errors={roleErrors} />
      </fieldset>
      <SubmitButton pending={pending}>Send invitation</SubmitButton>
    </form>
  );
}

export function RoleForm({ userId, role, memberLabel }: { userId: string; role: "owner" | "staff"; memberLabel: string }) {
  const [state, action, pending] = useActionState(changeRoleAction, null);
  const failed = state?.ok === false ? state : undefined;
  const selectId = `role-${userId}`;
  const errorId = `role-${userId}-error`;
  const error = failed?.formError ?? failed?.fieldErrors?.role?.join(" ");
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={selectId} className="block text-sm font-medium text-slate-900">
        Role<span className="sr-only"> for {memberLabel}</span>
      </label>
      <div className="flex gap-2">
        <select
          id={selectId}
          name="role"
          defaultValue={role}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="min-w-0 flex-1 rounded-md border border-slate-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700"
        >
          <option value="staff">Staff</option>
          <option value="owner">Owner</option>
        </select>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-70"
        >
          {pending ? "Saving…" : "Save"}
          <span className="sr-only"> role for {memberLabel}</span>
        </button>
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-sm font-medium text-emerald-800">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

export function RemoveMemberForm({ userId, memberLabel, practiceName, isSelf }: { userId: string; memberLabel: string; practiceName: string; isSelf: boolean }) {
  const [state, action, pending] = useActionState(removeMemberAction, null);
  const failed = state?.ok === false ? state : undefined;
  const confirmId = `remove-${userId}-confirm`;
  const errorId = `remove-${userId}-error`;
  return (
    <details className="rounded-lg border border-slate-200 p-3">
      <summary className="cursor-pointer font-medium text-red-900">
        {isSelf ? "Leave practice" : "Remove"}
        {isSelf ? null : <span className="sr-only"> {memberLabel}</span>}
      </summary>
      <form action={action} className="mt-3 space-y-3">
        <FormAlert message={failed?.formError} />
        <Done message={state?.ok ? state.message : undefined} />
        <input type="hidden" name="userId" value={userId} />
        <div className="flex items-start gap-2">
          <input
            id={confirmId}
            name="confirm"
            type="checkbox"
            value="yes"
            className="mt-1 h-5 w-5 shrink-0"
            aria-invalid={failed?.fieldErrors?.confirm ? true : undefined}
            aria-describedby={failed?.fieldErrors?.confirm ? errorId : undefined}
          />
          <label htmlFor={confirmId}>
            {isSelf
              ? `I want to leave ${practiceName}. I lose access at once and need a new invitation to come back.`
              : `Remove ${memberLabel} from ${practiceName}. They lose access at once; their account stays.`}
          </label>
        </div>
        <FieldError id={errorId} errors={failed?.fieldErrors?.confirm} />
        <SubmitButton pending={pending} variant="secondary">
          {isSelf ? "Leave practice" : `Remove ${memberLabel}`}
        </SubmitButton>
      </form>
    </details>
  );
}

export function RevokeInvitationForm({ invitationId, email }: { invitationId: string; email: string }) {
  const [state, action, pending] = useActionState(revokeInvitationAction, null);
  const error = state?.ok === false ? (state.formError ?? state.fieldErrors?.invitationId?.join(" ")) : undefined;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="invitationId" value={invitationId} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-70 sm:w-auto"
      >
        {pending ? "Please wait…" : "Revoke"}
        <span className="sr-only"> invitation to {email}</span>
      </button>
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </form>
  );
}
