// The card-processor layer as the app sees it: connecting a processor (dashboard) and the payment
// engine (patient pages and dashboard). Webhooks live in ./stripe/webhooks, the demo page's logic in ./demo.
export { availableProcessors } from "./available-processors";
export { disconnectProcessor } from "./disconnect-processor";
export { processorDashboardLink } from "./processor-dashboard-link";
export { getProcessorStatus } from "./processor-status";
export { refreshProcessorStatus } from "./refresh-processor-status";
export { startProcessorOnboarding } from "./start-processor-onboarding";
export type { CardProcessor, DashboardLink, Disconnection, OnboardingStart, ProcessorActor, ProcessorFailure, ProcessorKind, ProcessorStatus, StatusRefresh } from "./processor";
export { startPatientPayment, MIN_PAYMENT_CENTS } from "./start-payment";
export type { StartPaymentCode, StartPaymentInput, StartPaymentResult } from "./start-payment";
export { confirmPaymentOnReturn } from "./confirm-payment";
export { deleteSavedCard, listSavedCards, startAddCard } from "./saved-cards";
export type { SavedCard, StartAddCardResult } from "./saved-cards";
export { refundPayment } from "./refund-payment";
export type { RefundCode, RefundInput, RefundResult } from "./refund-payment";
export { markPaymentPosted } from "./mark-posted";
export { paymentResultUrl } from "./payment-urls";
