import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { patientSessions, verificationCodes, type VerificationCode } from "@/db/schema";
import { authSecret } from "@/lib/auth/secret";

export const CODE_MINUTES = 10;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_RESEND_SECONDS = 60;

function hashCode(sessionId: string, code: string): string {
  // Keyed and bound to the session: a leaked table row can't be checked offline against 10^6 codes.
  return createHmac("sha256", authSecret()).update(`verification-code:${sessionId}:${code}`).digest("base64url");
}

export type IssueResult = { ok: true; code: string; row: VerificationCode } | { ok: false; reason: "cooldown"; retryAfterSeconds: number };

/** Creates a fresh 6-digit code for the session (older ones stop working); refused within the resend cooldown. */
export async function issueVerificationCode(db: Executor, input: { tenantId: string; sessionId: string; channel: "email" | "sms" }, now = new Date()): Promise<IssueResult> {
  const [last] = await db
    .select()
    .from(verificationCodes)
    .where(and(eq(verificationCodes.tenantId, input.tenantId), eq(verificationCodes.sessionId, input.sessionId)))
    .orderBy(desc(verificationCodes.createdAt))
    .limit(1);
  if (last) {
    const wait = Math.ceil((last.createdAt.getTime() + CODE_RESEND_SECONDS * 1000 - now.getTime()) / 1000);
    if (wait > 0) return { ok: false, reason: "cooldown", retryAfterSeconds: wait };
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const row = await db.transaction(async (tx) => {
    await tx
      .update(verificationCodes)
      .set({ consumedAt: now })
      .where(and(eq(verificationCodes.sessionId, input.sessionId), isNull(verificationCodes.consumedAt)));
    const [created] = await tx
      .insert(verificationCodes)
      .values({
        tenantId: input.tenantId,
        sessionId: input.sessionId,
        channel: input.channel,
        codeHash: hashCode(input.sessionId, code),
        expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000),
        createdAt: now,
      })
      .returning();
    return created!;
  });
  return { ok: true, code, row };
}

export type CheckResult =
  | { ok: true }
  | { ok: false; reason: "none" | "expired" | "locked" }
  | { ok: false; reason: "wrong"; attemptsLeft: number };

/** Checks a typed code: right → the session becomes verified; wrong → one of 5 tries used; old or used-up → refused. */
export async function checkVerificationCode(db: Executor, input: { tenantId: string; sessionId: string; code: string }, now = new Date()): Promise<CheckResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(verificationCodes)
      .where(and(eq(verificationCodes.tenantId, input.tenantId), eq(verificationCodes.sessionId, input.sessionId), isNull(verificationCodes.consumedAt)))
      .orderBy(desc(verificationCodes.createdAt))
      .limit(1)
      .for("update");
    if (!row) return { ok: false, reason: "none" } as const;
    if (row.expiresAt <= now) return { ok: false, reason: "expired" } as const;
    if (row.attempts >= CODE_MAX_ATTEMPTS) return { ok: false, reason: "locked" } as const;
    const expected = Buffer.from(row.codeHash);
    const actual = Buffer.from(hashCode(input.sessionId, input.code.replace(/\D/g, "")));
    if (expected.length === actual.length && timingSafeEqual(expected, actual)) {
      await tx.update(verificationCodes).set({ consumedAt: now }).where(eq(verificationCodes.id, row.id));
      await tx.update(patientSessions).set({ verifiedAt: now }).where(and(eq(patientSessions.id, input.sessionId), eq(patientSessions.tenantId, input.tenantId)));
      return { ok: true } as const;
    }
    const attempts = row.attempts + 1;
    await tx.update(verificationCodes).set({ attempts }).where(eq(verificationCodes.id, row.id));
    if (attempts >= CODE_MAX_ATTEMPTS) return { ok: false, reason: "locked" } as const;
    return { ok: false, reason: "wrong", attemptsLeft: CODE_MAX_ATTEMPTS - attempts } as const;
  });
}
