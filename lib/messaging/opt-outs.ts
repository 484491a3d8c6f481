import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { optOuts, type MessageChannel } from "@/db/schema";
import { normalizePhone } from "@/lib/patients/patient-record";

// One place decides who must not be contacted. Texts: a STOP to our number opts the phone out for every
// practice (carriers apply it per sending number), stored with tenant null. Email: per practice.

/** The form addresses are stored and compared in: lower-case email, E.164 phone (null if not a phone). */
export function normalizeAddress(channel: MessageChannel, address: string): string | null {
  return channel === "email" ? address.trim().toLowerCase() : normalizePhone(address);
}

function scope(tenantId: string) {
  return or(isNull(optOuts.tenantId), eq(optOuts.tenantId, tenantId));
}

/** Of `addresses`, the normalised ones that opted out of `channel` for this practice (or everywhere). */
export async function optedOutAddresses(db: Executor, tenantId: string, channel: MessageChannel, addresses: string[]): Promise<Set<string>> {
  const normalised = [...new Set(addresses.map((a) => normalizeAddress(channel, a)).filter((a): a is string => a !== null))];
  if (normalised.length === 0) return new Set();
  const out = new Set<string>();
  // Chunked: a 10,000-patient batch must not become one giant parameter list.
  for (let i = 0; i < normalised.length; i += 1000) {
    const rows = await db
      .select({ address: optOuts.address })
      .from(optOuts)
      .where(and(eq(optOuts.channel, channel), inArray(optOuts.address, normalised.slice(i, i + 1000)), scope(tenantId)));
    for (const r of rows) out.add(r.address);
  }
  return out;
}

/** Whether `address` may not receive `channel` messages from this practice. */
export async function isOptedOut(db: Executor, tenantId: string, channel: MessageChannel, address: string): Promise<boolean> {
  const normalised = normalizeAddress(channel, address);
  if (!normalised) return false;
  return (await optedOutAddresses(db, tenantId, channel, [normalised])).has(normalised);
}

/** Records an opt-out (idempotent). `tenantId` null = every practice (SMS STOP). */
export async function optOut(db: Executor, input: { tenantId: string | null; channel: MessageChannel; address: string; source: string }): Promise<void> {
  const address = normalizeAddress(input.channel, input.address);
  if (!address) return;
  await db.insert(optOuts).values({ tenantId: input.tenantId, channel: input.channel, address, source: input.source }).onConflictDoNothing();
}

/** Removes an opt-out (SMS START, or staff re-subscribing a patient who asked). `tenantId` null = the global one. */
export async function optIn(db: Executor, input: { tenantId: string | null; channel: MessageChannel; address: string }): Promise<void> {
  const address = normalizeAddress(input.channel, input.address);
  if (!address) return;
  await db
    .delete(optOuts)
    .where(and(eq(optOuts.channel, input.channel), eq(optOuts.address, address), input.tenantId === null ? isNull(optOuts.tenantId) : eq(optOuts.tenantId, input.tenantId)));
}
