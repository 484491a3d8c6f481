import type { Database } from "@/db/client";
import { availableProcessors } from "./available-processors";
import { processorFailure } from "./failure";
import type { OnboardingStart, ProcessorActor, ProcessorKind } from "./processor";

/** Starts connecting the practice to `kind`, refused unless that processor is offered right now (never the demo when Stripe is configured). */
export async function startProcessorOnboarding(db: Database, actor: ProcessorActor, kind: ProcessorKind): Promise<OnboardingStart> {
  const processor = availableProcessors().find((p) => p.kind === kind);
  if (!processor) return processorFailure("unavailable");
  return processor.startOnboarding(db, actor);
}
