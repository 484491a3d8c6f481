import { getDb, type Executor } from "@/db/client";
import { users } from "@/db/schema";
import { safeCallbackUrl } from "./callback-url";
import { sendEmailVerification } from "./email-verification";
import { hashPassword } from "./password";
import { signUpSchema, type SignUpInput } from "./schemas";
import { failure, success, validatedAction, type Action, type ActionResult } from "./validated-action";

export const DUPLICATE_EMAIL_MESSAGE = "An account with this email already exists. Sign in instead.";

/** Creates a password account; an email already taken is a field error on `email`. Stores only the bcrypt hash. */
export async function createPasswordAccount(db: Executor, input: SignUpInput): Promise<ActionResult<{ userId: string }>> {
  const passwordHash = await hashPassword(input.password);
  // Insert-or-nothing on the unique email: two racing sign-ups cannot both win, and neither sees a 500.
  const [created] = await db
    .insert(users)
    .values({ name: input.name, email: input.email, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (!created) return failure(undefined, { email: [DUPLICATE_EMAIL_MESSAGE] });
  return success({ userId: created.id });
}

/**
 * The sign-up action: validates, creates the account, then calls `startSession` (only on success) to sign
 * the new user in and send them to `redirectTo`: the form's callbackUrl made safe (else /dashboard).
 */
export function buildSignUpAction(
  startSession: (credentials: { email: string; password: string; redirectTo: string }) => Promise<void>,
): Action<{ userId: string }> {
  return validatedAction(signUpSchema, async (input) => {
    const db = await getDb();
    const created = await createPasswordAccount(db, input);
    if (!created.ok) return created;
    // The address must be proven before it can own a practice (see app/dashboard/new-practice).
    await sendEmailVerification(db, input.email);
    await startSession({ email: input.email, password: input.password, redirectTo: safeCallbackUrl(input.callbackUrl) });
    return created;
  });
}

/** Creates a password-less account for a link sign-up; an existing account is left as it is (the link signs it in). */
export async function createLinkAccount(db: Executor, input: { name: string; email: string }): Promise<void> {
  await db.insert(users).values({ name: input.name, email: input.email }).onConflictDoNothing({ target: users.email });
}
