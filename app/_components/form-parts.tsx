// Small, hook-free form pieces shared by the site and dashboard forms: a labelled field whose hint and
// errors are tied to it with aria-describedby, a form-level alert, and a submit button.

interface TextFieldProps {
  id: string;
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "tel" | "url";
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "decimal" | "tel" | "email";
  required?: boolean;
  placeholder?: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string;
}

export function TextField({ id, name, label, type = "text", autoComplete, inputMode, required = true, placeholder, hint, errors, defaultValue }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium text-slate-900">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        placeholder={placeholder}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700"
      />
      {errorId && (
        <p id={errorId} className="text-sm font-medium text-red-800">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}

export function FormAlert({ message }: { message?: string }) {
  // Always rendered so screen readers announce the message when it appears.
  return (
    <div role="alert" className={message ? "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-900" : "sr-only"}>
      {message}
    </div>
  );
}

export function SubmitButton({ pending, children, variant = "primary" }: { pending: boolean; children: React.ReactNode; variant?: "primary" | "secondary" }) {
  const look =
    variant === "primary"
      ? "bg-teal-800 text-white hover:bg-teal-900"
      : "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100";
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={`w-full rounded-md px-4 py-2.5 font-semibold disabled:opacity-70 ${look}`}>
      {pending ? "Please wait…" : children}
    </button>
  );
}

/** A success message after an action, announced politely. Renders nothing without a message. */
export function FormSuccess({ message }: { message?: string }) {
  return message ? (
    <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 font-medium text-emerald-900">
      {message}
    </p>
  ) : null;
}
