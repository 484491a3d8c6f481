// Postgres reports constraint failures by SQLSTATE; drizzle wraps driver errors in `cause`.

function sqlState(err: unknown): { code?: string; constraint?: string } {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const candidate = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint ?? candidate.constraint_name;
      return { code: candidate.code, constraint: typeof constraint === "string" ? constraint : undefined };
    }
    e = candidate.cause;
  }
  return {};
}

/** True when the error is a unique-constraint violation (optionally of the named constraint). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const s = sqlState(err);
  if (s.code !== "23505") return false;
  return !constraint || s.constraint === undefined || s.constraint === constraint;
}
