"use server";
import { consoleActions } from "../_components/console-actions";

export const inviteSupportAction = consoleActions.inviteSupport;
export const removeSupportAction = consoleActions.removeSupport;
