import { demoProcessor } from "./demo/demo-processor";
import type { CardProcessor, ProcessorKind } from "./processor";
import { isStripeConfigured } from "./stripe/client";
import { stripeProcessor } from "./stripe/stripe-processor";

/** The processors a practice may connect now: Stripe when it is configured, otherwise only the demo processor. */
export function availableProcessors(): CardProcessor[] {
  return isStripeConfigured() ? [stripeProcessor] : [demoProcessor];
}

/** The implementation for a kind, available or not (an existing account keeps working with its own processor). */
export function processorFor(kind: ProcessorKind): CardProcessor {
  return kind === "stripe" ? stripeProcessor : demoProcessor;
}
