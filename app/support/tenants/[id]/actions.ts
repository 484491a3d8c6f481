"use server";
import { redirect } from "next/navigation";
import type { ActionInput, ActionResult } from "@/lib/auth/validated-action";
import { consoleActions } from "../../_components/console-actions";

export const suspendAction = consoleActions.suspend;
export const unsuspendAction = consoleActions.unsuspend;
export const sendOwnerLinkAction = consoleActions.sendOwnerLink;
export const changeSubdomainAction = consoleActions.changeSubdomain;

/** Starts a read-only view and opens the practice's dashboard. */
export async function startViewAction(previous: ActionResult<{ redirectTo: string }> | null, input: ActionInput): Promise<ActionResult<{ redirectTo: string }>> {
  const result = await consoleActions.startView(previous, input);
  if (result.ok) redirect(result.data.redirectTo);
  return result;
}
