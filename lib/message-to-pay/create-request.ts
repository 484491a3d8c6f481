import { randomUUID } from "node:crypto";
import type { paymentRequests } from "@/db/schema";
import { newLinkToken, paymentLinkUrl } from "./link-token";
import type { SendContext } from "./send-context";

const DAY_MS = 86_400_000;

export interface NewRequest {
  row: typeof paymentRequests.$inferInsert & { id: string };
  /** The raw token: it lives only in the messages' link, never in the request. */
  token: string;
  url: string;
}

/** When the first reminder is due, or null when the practice sends none. */
export function firstReminderAt(ctx: Pick<SendContext, "settings">, createdAt: Date): Date | null {
  const { remindersEnabled, reminderDays } = ctx.settings;
  if (!remindersEnabled || reminderDays.length === 0) return null;
  return new Date(createdAt.getTime() + reminderDays[0]! * DAY_MS);
}

/**
 * A statement snapshot for one patient (balance as of now), with a fresh 256-bit link token stored only as its
 * hash, expiring after the practice's link lifetime, and the first reminder scheduled when reminders are on.
 */
export function buildRequest(
  ctx: SendContext,
  input: { patientId: string; clinicId: string | null; balanceCents: number; channels: string[]; userId: string | null; batchId: string | null; now: Date },
): NewRequest {
  const { token, tokenHash } = newLinkToken();
  const id = randomUUID();
  return {
    token,
    url: paymentLinkUrl(ctx.tenant.slug, token),
    row: {
      id,
      tenantId: ctx.tenant.id,
      patientId: input.patientId,
      clinicId: input.clinicId,
      batchId: input.batchId,
      tokenHash,
      balanceCents: input.balanceCents,
      currency: ctx.tenant.currency,
      statementAsOf: input.now,
      expiresAt: new Date(input.now.getTime() + ctx.settings.linkExpiryDays * DAY_MS),
      createdByUserId: input.userId,
      channels: input.channels,
      nextReminderAt: firstReminderAt(ctx, input.now),
      createdAt: input.now,
    },
  };
}
