import { eq } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { nameKey } from "@/lib/patients/name-key";
import { issueKeys } from "@/lib/registration-keys/issue-keys";
import { withCheckCharacter } from "@/lib/registration-keys/key-format";
import type { Database } from "./client";
import { clinics, memberships, patients, processorAccounts, registrationKeys, tenants, users } from "./schema";

// The demo practice every fresh embedded database starts with, so a newcomer sees a live portal.

export const DEMO = {
  slug: "bright-smiles",
  name: "Bright Smiles Dental",
  password: "demo-password-1",
  ownerEmail: "owner@brightsmiles.test",
  staffEmail: "staff@brightsmiles.test",
  supportEmail: "support@chairside.test",
} as const;

const FIRST = ["Maria", "James", "José", "Linda", "Robert", "Sofía", "Michael", "Patricia", "David", "Guadalupe", "William", "Jennifer", "Ángel", "Elizabeth", "Thomas", "Lucía", "Charles", "Barbara", "Daniel", "Renée", "Matthew", "Nancy", "Anthony", "Zoë", "Mark"];
const LAST = ["García", "Smith", "Núñez", "Johnson", "O'Brien", "Williams", "Hernández", "Brown", "Jones", "Martínez", "Miller", "Davis", "López", "Wilson", "Anderson", "Pérez", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "González", "Harris", "Clark"];

/** Patients named in README so a newcomer can pay as them. */
export const DEMO_PATIENTS = [
  { firstName: "Maria", lastName: "García", birthdate: "1985-03-14", balanceCents: 24_550, email: "maria.garcia@example.com", phone: "+15550100001" },
  { firstName: "José", lastName: "Núñez", birthdate: "1962-07-04", balanceCents: 118_000, email: "jose.nunez@example.com", phone: "+15550100002" },
  { firstName: "Linda", lastName: "Johnson", birthdate: "1978-11-22", balanceCents: 8_999, email: null, phone: "+15550100003" },
] as const;

/** 50 predictable patients; the first three are DEMO_PATIENTS. */
export function demoPatients(tenantId: string, clinicIds: [string, string], now: Date) {
  return Array.from({ length: 50 }, (_, i) => {
    const named = DEMO_PATIENTS[i];
    const firstName = FIRST[i % FIRST.length]!;
    const lastName = LAST[(i * 7) % LAST.length]!;
    const year = 1940 + ((i * 13) % 65);
    const month = String(1 + ((i * 5) % 12)).padStart(2, "0");
    const day = String(1 + ((i * 11) % 28)).padStart(2, "0");
    const local = `${nameKey(firstName)}.${nameKey(lastName)}${i}`;
    const row = {
      tenantId,
      clinicId: clinicIds[i % 2]!,
      externalId: String(1001 + i),
      firstName,
      lastName,
      preferredName: i % 9 === 0 ? firstName.slice(0, 3) : null,
      firstNameKey: nameKey(firstName),
      lastNameKey: nameKey(lastName),
      birthdate: `${year}-${month}-${day}`,
      email: i % 10 === 7 ? null : `${local}@example.com`,
      phone: i % 6 === 5 ? null : `+1555${String(2000000 + i * 7919).slice(-7)}`,
      // Whole and odd-cent balances, a few zero, none negative.
      balanceCents: i % 8 === 3 ? 0 : 2_500 + ((i * 48_271) % 90_000),
      balanceAsOf: now,
      statementDate: now.toISOString().slice(0, 10),
    };
    if (!named) return row;
    return { ...row, ...named, firstNameKey: nameKey(named.firstName), lastNameKey: nameKey(named.lastName), preferredName: null };
  });
}

/**
 * Unclaimed demo keys, the same on every fresh embedded database so README and tests can name them.
 * Only the demo seed issues them; a real deployment's keys come from support and are random.
 */
export const DEMO_UNCLAIMED_KEYS = ["A", "B", "C", "D", "E"].map((l) => withCheckCharacter(`DEMAKEY${l}2345678`));

export interface DemoSummary {
  unclaimedKeys: string[];
}

/** Creates the demo practice, logins and keys once; returns null when they already exist. */
export async function seedDemo(db: Database, now = new Date()): Promise<DemoSummary | null> {
  const existing = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, DEMO.slug));
  if (existing.length > 0) return null;
  const passwordHash = await hashPassword(DEMO.password);
  const nextYear = new Date(now.getTime() + 365 * 24 * 3600 * 1000);

  return db.transaction(async (tx) => {
    const [tenant] = await tx
      .insert(tenants)
      .values({ slug: DEMO.slug, name: DEMO.name, phone: "(555) 010-2030", timeZone: "America/Chicago", accentColor: "#0f766e" })
      .returning();
    const [downtown, northside] = await tx
      .insert(clinics)
      .values([
        { tenantId: tenant!.id, slug: "downtown", name: "Bright Smiles Downtown", address: "100 Main St, Springfield", phone: "(555) 010-2030" },
        { tenantId: tenant!.id, slug: "northside", name: "Bright Smiles Northside", address: "42 North Ave, Springfield", phone: "(555) 010-4050" },
      ])
      .returning();
    const people = await tx
      .insert(users)
      .values([
        { email: DEMO.ownerEmail, name: "Olivia Owner", passwordHash, emailVerified: now },
        { email: DEMO.staffEmail, name: "Sam Staff", passwordHash, emailVerified: now },
        { email: DEMO.supportEmail, name: "Chairside Support", passwordHash, emailVerified: now, platformRole: "support-admin" },
      ])
      .returning();
    await tx.insert(memberships).values([
      { tenantId: tenant!.id, userId: people[0]!.id, role: "owner" },
      { tenantId: tenant!.id, userId: people[1]!.id, role: "staff" },
    ]);
    // The demo practice is live: it holds a key and the demo processor is connected.
    const [claimed, ...unclaimed] = await issueKeys(tx, {
      count: 6,
      keys: [withCheckCharacter("DEMABRIGHTSMILE"), ...DEMO_UNCLAIMED_KEYS],
      supportUntil: nextYear,
      note: "demo",
      issuedByUserId: people[2]!.id,
    });
    await tx.update(registrationKeys).set({ claimedByTenantId: tenant!.id, claimedAt: now }).where(eq(registrationKeys.id, claimed!.id));
    await tx.insert(processorAccounts).values({
      tenantId: tenant!.id,
      kind: "demo",
      externalAccountId: `demo_${tenant!.id}`,
      chargesEnabled: true,
      detailsSubmitted: true,
    });
    await tx.insert(patients).values(demoPatients(tenant!.id, [downtown!.id, northside!.id], now));
    return { unclaimedKeys: unclaimed.map((k) => k.key) };
  });
}
