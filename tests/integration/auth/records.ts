import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, tenants, users, type MemberRole, type PlatformRole } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";

// Rows for auth tests, inserted straight into the database the test file runs on.

let counter = 0;
function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

export async function insertUser(
  db: Executor,
  fields: { email?: string; name?: string; password?: string | null; platformRole?: PlatformRole | null } = {},
) {
  const password = fields.password === undefined ? "correct-horse-battery" : fields.password;
  const [user] = await db
    .insert(users)
    .values({
      email: fields.email ?? `${unique("user")}@example.test`,
      name: fields.name ?? "Test User",
      passwordHash: password === null ? null : await hashPassword(password),
      platformRole: fields.platformRole ?? null,
    })
    .returning();
  return user!;
}

export async function insertTenant(db: Executor, name = "Test Practice") {
  const [tenant] = await db.insert(tenants).values({ slug: unique("practice"), name }).returning();
  return tenant!;
}

export async function addMember(db: Executor, tenantId: string, userId: string, role: MemberRole, createdAt?: Date) {
  await db.insert(memberships).values({ tenantId, userId, role, ...(createdAt ? { createdAt } : {}) });
}

export async function tenantName(db: Executor, id: string): Promise<string | undefined> {
  const [row] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, id));
  return row?.name;
}

/** FormData as a browser would post it. */
export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}
