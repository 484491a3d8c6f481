import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clinics, processorAccounts, registrationKeys, tenants } from "@/db/schema";
import { isStripeConfigured } from "@/lib/payments/stripe/client";

/** What patient pages may know about a practice: branding and contact details, never staff or keys. */
export interface PortalTenant {
  id: string;
  slug: string;
  name: string;
  status: "active" | "suspended";
  phone: string | null;
  timeZone: string;
  accentColor: string;
  logoDataUrl: string | null;
  maxPaymentCents: number;
  currency: string;
  clinics: { id: string; slug: string; name: string; address: string | null; phone: string | null }[];
  /** ISO time the practice's registration key support ends; null when it holds no usable key. */
  supportUntil: string | null;
  processorReady: boolean;
}

/** Loads one practice by subdomain for the patient pages; null when there is none. */
export async function loadPortalTenant(db: Executor, slug: string): Promise<PortalTenant | null> {
  const [row] = await db
    .select({
      tenant: tenants,
      supportUntil: registrationKeys.supportUntil,
      chargesEnabled: processorAccounts.chargesEnabled,
      processorKind: processorAccounts.kind,
    })
    .from(tenants)
    .leftJoin(registrationKeys, and(eq(registrationKeys.claimedByTenantId, tenants.id), isNull(registrationKeys.revokedAt)))
    .leftJoin(processorAccounts, eq(processorAccounts.tenantId, tenants.id))
    .where(eq(tenants.slug, slug))
    .limit(1);
  if (!row) return null;
  const t = row.tenant;
  const clinicRows = await db
    .select({ id: clinics.id, slug: clinics.slug, name: clinics.name, address: clinics.address, phone: clinics.phone })
    .from(clinics)
    .where(eq(clinics.tenantId, t.id))
    .orderBy(asc(clinics.createdAt), asc(clinics.name));
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    status: t.status,
    phone: t.phone,
    timeZone: t.timeZone,
    accentColor: t.accentColor,
    logoDataUrl: t.logoDataUrl,
    maxPaymentCents: t.maxPaymentCents,
    currency: t.currency,
    clinics: clinicRows,
    supportUntil: row.supportUntil ? row.supportUntil.toISOString() : null,
    processorReady: processorCanCharge(row.processorKind, row.chargesEnabled),
  };
}

/** A processor account can take charges: enabled, and not the demo processor on a deployment with real Stripe keys. */
export function processorCanCharge(kind: "stripe" | "demo" | null, chargesEnabled: boolean | null): boolean {
  if (!kind || chargesEnabled !== true) return false;
  return kind === "stripe" || !isStripeConfigured();
}

export type PortalAvailability = "live" | "suspended" | "not-ready";

/** Whether patients can pay online right now: active, on support, and with a processor that takes charges. */
export function portalAvailability(tenant: PortalTenant, now = new Date()): PortalAvailability {
  if (tenant.status === "suspended") return "suspended";
  const onSupport = tenant.supportUntil !== null && new Date(tenant.supportUntil) > now;
  return onSupport && tenant.processorReady ? "live" : "not-ready";
}
