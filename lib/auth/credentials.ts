import { eq } from "drizzle-orm";
import { sha256 } from "@/lib/security/sha256";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { SessionUser } from "./access";
import { consumeRateLimit, isRateLimited, type RateLimitRule } from "@/lib/rate-limit/consume";
import { verifyPassword } from "./password";
import { signInSchema } from "./schemas";

// A real bcrypt hash (cost 12, same as lib/auth/password.ts) of a random string nobody knows. Comparing
// against it when the email is unknown makes that answer take as long as a wrong password, so response
// time does not reveal which emails have accounts.
const DUMMY_HASH = "$2b$12$wKDBKYIB/c/DsCLq5pYPpe7DyK.ARuvK0f9NihTNDm1wBV0GqtmtS";

// Only failures count, so an office that signs in all day never locks itself out.
function failureRules(email: string, ip: string | null): RateLimitRule[] {
  const emailKey = sha256(email);
  const rules: RateLimitRule[] = [{ key: `sign-in-fail:email:${emailKey}`, limit: 10, windowSeconds: 900 }];
  if (ip) rules.push({ key: `sign-in-fail:ip:${ip}`, limit: 50, windowSeconds: 900 });
  return rules;
}

/**
 * The account for these credentials, or null — the same null, after the same bcrypt work, for an unknown
 * email, a wrong password, bad input, or too many recent failures for this email or IP.
 */
export async function authorizeCredentials(db: Executor, credentials: unknown, ip: string | null = null): Promise<SessionUser | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const rules = failureRules(email, ip);
  const limited = (await Promise.all(rules.map((r) => isRateLimited(db, r)))).some(Boolean);
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, platformRole: users.platformRole, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email));
  // Accounts made through a magic link have no password: they compare against the dummy too.
  const matches = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  if (limited) return null;
  if (!row || !row.passwordHash || !matches) {
    for (const rule of rules) await consumeRateLimit(db, rule);
    return null;
  }
  return { id: row.id, email: row.email, name: row.name, platformRole: row.platformRole };
}
