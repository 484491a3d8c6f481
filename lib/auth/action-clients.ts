import type { z } from "zod";
import type { Executor } from "@/db/client";
import type { MemberRole } from "@/db/schema";
import { checkMemberAccess, checkSupportAccess, type MemberContext, type SessionRequest, type SupportContext } from "./access";
import { failure, inputToObject, parseInput, type Action, type ActionResult } from "./validated-action";

// Layered action builders in the manner of dub's safe-action clients: signed in → member → role →
// valid input → your code. The request is read by `resolve`, so tests pass a fixed session while
// the app (safe-action.ts) passes one that reads Auth.js and the practice cookie.

export interface ActionRequest extends SessionRequest {
  db: Executor;
}

export interface MemberActionOptions {
  /** Leave out for any member; "owner" for owner-only actions. */
  role?: MemberRole;
}

export const ACCESS_MESSAGES = {
  signedOut: "Your session has ended. Sign in again to continue.",
  noMembership: "You aren't a member of a practice yet.",
  wrongRole: "Only the practice owner can do this.",
  // Same words as a missing action: the support console must not reveal itself.
  notSupport: "Not found.",
  readOnly: "You are viewing this practice as support: it is read-only, so nothing was changed.",
} as const;

// Names under which a client might try to pick the practice. The tenant comes from the membership only,
// so these are removed before parsing: a schema that asks for one fails loudly instead of trusting it.
const TENANT_KEYS = ["tenantId", "tenant_id", "tenant"];

function withoutTenantKeys(raw: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...raw };
  for (const key of TENANT_KEYS) delete copy[key];
  return copy;
}

/** Builds memberAction/supportAction bound to one way of reading the current request. */
export function createActionClients(resolve: () => Promise<ActionRequest>) {
  /** An action only members (of `options.role`) can run; `fn` gets their practice from the membership, never from the input. */
  function memberAction<S extends z.ZodType, T>(
    schema: S,
    options: MemberActionOptions,
    fn: (input: z.output<S>, ctx: MemberContext) => Promise<ActionResult<T>>,
  ): Action<T> {
    return async (_previous, input) => {
      const { db, ...request } = await resolve();
      const access = await checkMemberAccess(db, request, options.role);
      if (!access.ok) {
        const message = { "signed-out": ACCESS_MESSAGES.signedOut, "no-membership": ACCESS_MESSAGES.noMembership, "wrong-role": ACCESS_MESSAGES.wrongRole };
        return failure(message[access.reason]);
      }
      // Before parsing: a support view changes nothing, whatever the input.
      if (access.ctx.supportView) return failure(ACCESS_MESSAGES.readOnly);
      const parsed = parseInput(schema, withoutTenantKeys(inputToObject(input)));
      if (!parsed.ok) return parsed;
      return fn(parsed.data, access.ctx);
    };
  }

  /** An action only support staff can run; anyone else gets the same answer as for an action that does not exist. */
  function supportAction<S extends z.ZodType, T>(schema: S, fn: (input: z.output<S>, ctx: SupportContext) => Promise<ActionResult<T>>): Action<T> {
    return async (_previous, input) => {
      const { db, ...request } = await resolve();
      const access = await checkSupportAccess(db, request);
      if (!access.ok) return failure(ACCESS_MESSAGES.notSupport);
      const parsed = parseInput(schema, inputToObject(input));
      if (!parsed.ok) return parsed;
      return fn(parsed.data, access.ctx);
    };
  }

  return { memberAction, supportAction };
}
