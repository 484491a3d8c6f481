"use client";

import { useActionState } from "react";
import { revokeRequestAction } from "../actions";

/** Revokes one request's link; the answer is announced next to the button. */
export function RevokeButton({ requestId, label }: { requestId: string; label: string }) {
  const [state, action, pending] = useActionState(revokeRequestAction, null);
  if (state?.ok) return <span role="status" className="text-xs font-medium text-slate-700">{state.message}</span>;
  return (
    <form action={action} className="inline">
      <input type="hidden" name="requestId" value={requestId} />
      <button type="submit" disabled={pending} aria-label={label} className="rounded border border-slate-400 bg-white px-2 py-0.5 text-xs font-semibold hover:bg-slate-100 disabled:opacity-70">
        Revoke link
      </button>
      {state && !state.ok ? (
        <span role="alert" className="ml-2 text-xs text-red-800">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}
