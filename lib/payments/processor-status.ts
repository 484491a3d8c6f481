import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { processorAccounts, type ProcessorAccount } from "@/db/schema";
import type { ProcessorStatus } from "./processor";

/** The status fields of a processor_accounts row, without our internal ids. */
export function toProcessorStatus(row: ProcessorAccount): ProcessorStatus {
  return {
    kind: row.kind,
    externalAccountId: row.externalAccountId,
    chargesEnabled: row.chargesEnabled,
    detailsSubmitted: row.detailsSubmitted,
    requirementsDue: row.requirementsDue,
    statusUpdatedAt: row.statusUpdatedAt,
  };
}

/** The practice's processor account row, or null when none is connected. Reads only that tenant's row. */
export async function loadProcessorAccount(db: Executor, tenantId: string): Promise<ProcessorAccount | null> {
  const [row] = await db.select().from(processorAccounts).where(eq(processorAccounts.tenantId, tenantId)).limit(1);
  return row ?? null;
}

/** What the dashboard shows about the practice's processor, from our database (no processor call); null when none. */
export async function getProcessorStatus(db: Executor, tenantId: string): Promise<ProcessorStatus | null> {
  const row = await loadProcessorAccount(db, tenantId);
  return row ? toProcessorStatus(row) : null;
}
