import type { Database } from "@/db/client";
import type { ProcessorAccount, ProcessorKind } from "@/db/schema";

export type { ProcessorKind };

/** Who is acting, for which practice. `tenantId` always comes from the caller's session-derived context. */
export interface ProcessorActor {
  tenantId: string;
  /** null when the processor itself acted (a webhook). */
  actorUserId: string | null;
  ip?: string | null;
}

/** What we know about a practice's processor account, as last reported by the processor. */
export interface ProcessorStatus {
  kind: ProcessorKind;
  externalAccountId: string;
  chargesEnabled: boolean;
  detailsSubmitted: boolean;
  requirementsDue: string[];
  statusUpdatedAt: Date | null;
}

/** Why a processor action was refused; `message` is written for office staff and shown as is. */
export type ProcessorFailureCode = "unavailable" | "other-processor-connected" | "not-connected" | "not-onboarded" | "processor-error";
export interface ProcessorFailure {
  ok: false;
  code: ProcessorFailureCode;
  message: string;
}

/**
 * Results that may have changed whether the practice can take charges carry `portalChanged`:
 * when true the app must call `revalidatePortal(slug)` after the action returns.
 */
export type OnboardingStart =
  /** Send the office's browser to the processor's hosted onboarding. */
  | { ok: true; next: "redirect"; url: string; portalChanged: boolean }
  /** Connected at once (the demo processor). */
  | { ok: true; next: "connected"; status: ProcessorStatus; portalChanged: boolean }
  | ProcessorFailure;

/** Results of the other actions; `portalChanged` as above. */
export type StatusRefresh = { ok: true; status: ProcessorStatus; portalChanged: boolean } | ProcessorFailure;
export type DashboardLink = { ok: true; url: string } | ProcessorFailure;
export type Disconnection = { ok: true; portalChanged: boolean } | ProcessorFailure;

/** One card processor. Each practice has at most one connected (processor_accounts, unique per tenant). */
export interface CardProcessor {
  readonly kind: ProcessorKind;
  /** Shown to office staff when they choose a processor. */
  readonly label: string;

  // --- Onboarding ---
  /** Starts (or resumes) connecting the practice; creates at most one processor account per practice. */
  startOnboarding(db: Database, actor: ProcessorActor): Promise<OnboardingStart>;
  /** Asks the processor for the account's current status and saves it (never regressing newer state). */
  refreshStatus(db: Database, actor: ProcessorActor, account: ProcessorAccount): Promise<StatusRefresh>;
  /** A one-time link into the processor's own dashboard; absent when the processor has none. */
  createDashboardLink?(account: ProcessorAccount): Promise<DashboardLink>;
  /** Forgets the practice's processor account and audits it; patients can no longer pay. */
  disconnect(db: Database, actor: ProcessorActor): Promise<Disconnection>;

  // --- Hosted payments (next): createHostedPayment, retrievePayment, refund ---
}
