// The card-processor layer as the dashboard sees it. Webhooks live in ./stripe/webhooks.
export { availableProcessors } from "./available-processors";
export { disconnectProcessor } from "./disconnect-processor";
export { processorDashboardLink } from "./processor-dashboard-link";
export { getProcessorStatus } from "./processor-status";
export { refreshProcessorStatus } from "./refresh-processor-status";
export { startProcessorOnboarding } from "./start-processor-onboarding";
export type { CardProcessor, DashboardLink, Disconnection, OnboardingStart, ProcessorActor, ProcessorFailure, ProcessorKind, ProcessorStatus, StatusRefresh } from "./processor";
