import { z } from "zod";

// The one result shape every server action returns, and the wrapper that validates input before
// any action code runs (saas-starter's validatedAction). Pure: no request, no session.

export type FieldErrors = Partial<Record<string, string[]>>;

/** What every server action returns; also the state `useActionState` holds (null before the first submit). */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      /** A message about the whole form (shown at its top). */
      formError?: string;
      /** Messages per field name (shown next to the field). */
      fieldErrors?: FieldErrors;
      /** What the user typed (never passwords), so a failed submit can refill the form. */
      values?: Record<string, string>;
    };

export type ActionFailure = Extract<ActionResult<never>, { ok: false }>;

/** Form data or a plain object: forms post FormData, client code may call with an object. */
export type ActionInput = FormData | Record<string, unknown>;

/** The signature `useActionState` expects; the builders below produce it. */
export type Action<T> = (previous: ActionResult<T> | null, input: ActionInput) => Promise<ActionResult<T>>;

/** A successful result carrying `data`. */
export function success<T = undefined>(data?: T, message?: string): { ok: true; data: T; message?: string } {
  return message === undefined ? { ok: true, data: data as T } : { ok: true, data: data as T, message };
}

/** A failed result with a form-level message and/or per-field messages. */
export function failure(formError?: string, fieldErrors?: FieldErrors): ActionFailure {
  return {
    ok: false,
    ...(formError === undefined ? {} : { formError }),
    ...(fieldErrors === undefined ? {} : { fieldErrors }),
  };
}

/** Turns FormData into a plain object (repeated names become arrays); objects pass through unchanged. */
export function inputToObject(input: ActionInput): Record<string, unknown> {
  if (!(input instanceof FormData)) return { ...input };
  const out: Record<string, unknown> = {};
  for (const key of new Set(input.keys())) {
    // React adds `$ACTION_…` bookkeeping fields to progressively enhanced forms.
    if (key.startsWith("$ACTION")) continue;
    const all = input.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

/** The string fields of an input, minus anything that looks like a secret: safe to send back to the browser. */
export function echoValues(raw: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "string" && !/password|secret|token/i.test(key)) values[key] = value;
  }
  return values;
}

/** Parses with the schema: the typed data, or a failure carrying zod's messages per field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  raw: Record<string, unknown>,
): { ok: true; data: z.output<S> } | ActionFailure {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const { formErrors, fieldErrors } = z.flattenError(parsed.error);
  return {
    ok: false,
    ...(formErrors.length > 0 ? { formError: formErrors.join(" ") } : {}),
    fieldErrors: fieldErrors as FieldErrors,
    values: echoValues(raw),
  };
}

/** An action that runs `fn` only with input the schema accepted; otherwise returns field errors and never calls `fn`. */
export function validatedAction<S extends z.ZodType, T>(schema: S, fn: (input: z.output<S>) => Promise<ActionResult<T>>): Action<T> {
  return async (_previous, input) => {
    const raw = inputToObject(input);
    const parsed = parseInput(schema, raw);
    if (!parsed.ok) return parsed;
    const result = await fn(parsed.data);
    // Refill the form after a refusal from the action itself (a duplicate email, say).
    return result.ok || result.values ? result : { ...result, values: echoValues(raw) };
  };
}
