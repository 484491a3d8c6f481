import type { Database } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { createPractice } from "@/lib/tenancy/create-practice";

let counter = 0;
// bcrypt is deliberately slow; hash the shared test password once per file.
let passwordHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct-horse-1";
function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** A signed-up office user with a known password. */
export async function makeUser(db: Database, opts: { email?: string; platformRole?: "support" | "support-admin" } = {}) {
  const email = opts.email ?? `${unique("user")}@example.test`;
  const [user] = await db
    .insert(users)
    .values({ email, name: "Test User", passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)), emailVerified: new Date(), platformRole: opts.platformRole })
    .returning();
  return user!;
}

/** A practice (one clinic) owned by a new user, created through the real createPractice. */
export async function makePractice(db: Database, opts: { slug?: string; name?: string } = {}) {
  const owner = await makeUser(db);
  const slug = opts.slug ?? unique("practice").slice(0, 40).replace(/-+$/, "");
  const result = await createPractice(db, owner.id, {
    name: opts.name ?? "Test Dental",
    slug,
    timeZone: "America/Chicago",
    phone: "(555) 010-1000",
    clinicName: "Main Office",
    clinicAddress: "1 Test Street, Springfield",
    clinicPhone: "(555) 010-1001",
  });
  if (!result.ok) throw new Error(result.message);
  return { tenant: result.tenant, owner };
}

/** Adds a user to a practice with a role. */
export async function addMember(db: Database, tenantId: string, role: "owner" | "staff") {
  const user = await makeUser(db);
  await db.insert(memberships).values({ tenantId, userId: user.id, role });
  return user;
}

