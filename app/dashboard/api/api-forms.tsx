"use client";

import { useActionState } from "react";
import { CopyField } from "@/app/_components/copy-field";
import { FormAlert, FormSuccess, SubmitButton, TextField } from "@/app/_components/form-parts";
import { addEndpointAction, createKeyAction, removeEndpointAction, revokeKeyAction, sendTestEventAction } from "./actions";

// The API page's owner controls; each form shows its own result next to it.


export function CreateKeyForm() {
  const [state, action, pending] = useActionState(createKeyAction, null);
  const failed = state?.ok === false ? state : undefined;
  return (
    <div className="space-y-4">
      {state?.ok ? (
        <div className="space-y-2 rounded-xl border border-emerald-300 bg-emerald-50 p-4">
          <FormSuccess message={state.message} />
          <CopyField id="new-api-key" label="Your new API key" value={state.data.key} />
        </div>
      ) : null}
      <form action={action} noValidate className="space-y-4">
        <FormAlert message={failed?.formError} />
        <TextField id="api-key-name" name="name" label="Key name" hint="Which system will use it, e.g. “Open Dental sync”." autoComplete="off" errors={failed?.fieldErrors?.name} defaultValue={failed?.values?.name} />
        <SubmitButton pending={pending}>Create key</SubmitButton>
      </form>
    </div>
  );
}

/** A one-button form for an id-carrying action, with its result beside it. */
function IdButton({ action: act, name, value, label, confirmText, variant = "secondary" }: { action: typeof revokeKeyAction; name: string; value: string; label: string; confirmText?: string; variant?: "primary" | "secondary" }) {
  const [state, action, pending] = useActionState(act, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (confirmText && !window.confirm(confirmText)) e.preventDefault();
      }}
      className="space-y-2"
    >
      <input type="hidden" name={name} value={value} />
      <FormAlert message={state?.ok === false ? state.formError : undefined} />
      <FormSuccess message={state?.ok ? state.message : undefined} />
      <SubmitButton pending={pending} variant={variant}>
        {label}
      </SubmitButton>
    </form>
  );
}

export function RevokeKeyForm({ keyId, keyName }: { keyId: string; keyName: string }) {
  return <IdButton action={revokeKeyAction} name="keyId" value={keyId} label={`Revoke ${keyName}`} confirmText={`Revoke "${keyName}"? Anything using it stops syncing at once.`} />;
}

export function AddEndpointForm() {
  const [state, action, pending] = useActionState(addEndpointAction, null);
  const failed = state?.ok === false ? state : undefined;
  return (
    <form action={action} noValidate className="space-y-4">
      <FormAlert message={failed?.formError} />
      <FormSuccess message={state?.ok ? state.message : undefined} />
      <TextField id="webhook-url" name="url" type="url" label="Endpoint URL" hint="An https:// address of yours that accepts POST requests." autoComplete="off" errors={failed?.fieldErrors?.url} defaultValue={failed?.values?.url} />
      <SubmitButton pending={pending}>Add endpoint</SubmitButton>
    </form>
  );
}

export function EndpointButtons({ endpointId, url }: { endpointId: string; url: string }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <IdButton action={sendTestEventAction} name="endpointId" value={endpointId} label="Send test event" />
      <IdButton action={removeEndpointAction} name="endpointId" value={endpointId} label="Remove endpoint" confirmText={`Stop sending events to ${url}?`} />
    </div>
  );
}
