import type { ProcessorFailure, ProcessorFailureCode } from "./processor";

// Office-facing wording, one place: the dashboard shows `message` as is.
const MESSAGES: Record<ProcessorFailureCode, string> = {
  unavailable: "That card processor isn't available on this Chairside installation.",
  "other-processor-connected": "Your practice already has a different card processor connected. Disconnect it first.",
  "not-connected": "Your practice has no card processor connected.",
  "not-onboarded": "Finish setting up your Stripe account first.",
  "processor-error": "The card processor didn't answer as expected. Please try again in a minute.",
};

/** The refusal for `code`, with the message office staff see. */
export function processorFailure(code: ProcessorFailureCode): ProcessorFailure {
  return { ok: false, code, message: MESSAGES[code] };
}
