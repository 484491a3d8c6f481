import type { Messages } from "@/lib/i18n/messages/en";
import type { IdentityLabels } from "./identity-form";

/** The plain strings the identity form needs (client components can't take the dictionary's functions). */
export function identityLabels(t: Messages): IdentityLabels {
  const { firstName, lastName, birthdate, month, day, year, monthHint, dayHint, yearHint, submit, noMatchCall } = t.identity;
  return { firstName, lastName, birthdate, month, day, year, monthHint, dayHint, yearHint, submit, callHelp: noMatchCall };
}
