import { z } from "zod";
import { hasRequiredTag, REQUIRED_TAG, TAGS, unknownTagsIn } from "./tags";

// One schema for the template form (as the office types) and the save action.

const KNOWN = TAGS.map((t) => `[${t}]`).join(", ");

/** "Unknown tag [Foo]. Use one of …" for each field that has any. */
export function unknownTagMessage(unknown: string[]): string {
  const list = unknown.map((u) => `[${u}]`).join(", ");
  return `${unknown.length === 1 ? "Unknown tag" : "Unknown tags"} ${list}: it would be sent as typed. Use one of ${KNOWN}.`;
}

/** The reason a text or email body without the link is refused. */
export const MISSING_LINK_MESSAGE = `Add [${REQUIRED_TAG}]: without the personal payment link the patient can't pay.`;

function templateText(label: string, max: number, requireLink: boolean) {
  return z
    .string()
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(max, `Use at most ${max} characters.`)
    .superRefine((v, ctx) => {
      if (requireLink && !hasRequiredTag(v)) ctx.addIssue({ code: "custom", message: MISSING_LINK_MESSAGE });
      const unknown = unknownTagsIn(v);
      if (unknown.length > 0) ctx.addIssue({ code: "custom", message: unknownTagMessage(unknown) });
    });
}

/** A practice's (or one message's) wording: the link is required in the text and the email body, unknown tags refused. */
export const templateSchema = z.object({
  smsBody: templateText("text message", 640, true),
  emailSubject: templateText("email subject", 150, false),
  emailBody: templateText("email body", 5000, true),
});
export type TemplateInput = z.output<typeof templateSchema>;
