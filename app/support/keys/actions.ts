"use server";
import { consoleActions } from "../_components/console-actions";

export const issueKeysAction = consoleActions.issueKeys;
export const extendSupportAction = consoleActions.extendSupport;
export const revokeKeyAction = consoleActions.revokeKey;
export const releaseKeyAction = consoleActions.releaseKey;
