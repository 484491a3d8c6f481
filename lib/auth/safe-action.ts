import "server-only";
import { getDb } from "@/db/client";
import { createActionClients } from "./action-clients";
import { readSessionRequest } from "./session-request";

// Import action builders from here. Every dashboard action is a memberAction, every console action a
// supportAction, and public forms (sign-in, sign-up) use validatedAction.

export const { memberAction, supportAction } = createActionClients(async () => ({ db: await getDb(), ...(await readSessionRequest()) }));
export { validatedAction, success, failure, type ActionResult, type Action } from "./validated-action";
export type { MemberContext, SupportContext } from "./access";
