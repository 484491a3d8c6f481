import type { TemplateInput } from "./template-schema";

/** What a practice sends until it writes its own wording (Open Dental's default text, and an email to match). */
export const DEFAULT_TEMPLATE: TemplateInput = {
  smsBody: "Your balance with [ClinicName] is $[StatementBalance]. To make your payment, visit [MsgToPayURL].",
  emailSubject: "Your balance with [ClinicName]",
  emailBody:
    "Hi [namePref],\n\nYour balance with [ClinicName] is $[StatementBalance]. To make your payment, visit [MsgToPayURL].\n\nQuestions about your bill? Call us at [OfficePhone].",
};
