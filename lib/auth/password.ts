import bcrypt from "bcryptjs";

// bcrypt cost 12 ≈ 250 ms here: slow enough to hurt guessing, fast enough for a sign-in.
const COST = 12;

/** One-way hash of a password for storage. */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** True only when the password matches the stored hash (constant-time compare inside bcrypt). */
export function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) return Promise.resolve(false);
  return bcrypt.compare(password, hash);
}
