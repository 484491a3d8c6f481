import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { patientSessions, patients, tenants, verificationCodes } from "@/db/schema";
import { DEMO, seedDemo } from "@/db/seed";
import { findPatientByIdentity } from "@/lib/patients/find-by-identity";
import { identitySchema } from "@/lib/patients/identity-schema";
import { maskEmail, maskPhone } from "@/lib/patients/mask-contact";
import { createPatientSession, findPatientSession } from "@/lib/patients/patient-session";
import { checkVerificationCode, issueVerificationCode } from "@/lib/patients/verification-code";
import { makePractice } from "../../support/factories";

let db: Database;
let tenantId: string;
beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret";
  db = await getDb();
  await seedDemo(db);
  const [t] = await db.select().from(tenants).where(eq(tenants.slug, DEMO.slug));
  tenantId = t!.id;
});

async function demoPatient(externalId: string) {
  const [p] = await db.select().from(patients).where(eq(patients.externalId, externalId));
  return p!;
}

describe("finding a patient by identity", () => {
  it("matches regardless of accents, case and punctuation", async () => {
    const jose = await demoPatient("1002"); // José Núñez
    const typed = identitySchema.parse({
      firstName: "JOSE",
      lastName: jose.lastName.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase(),
      birthMonth: jose.birthdate.slice(5, 7),
      birthDay: String(Number(jose.birthdate.slice(8, 10))),
      birthYear: jose.birthdate.slice(0, 4),
    });
    expect((await findPatientByIdentity(db, tenantId, typed))?.id).toBe(jose.id);
  });

  it("finds nobody with a wrong birthdate, in another practice, or when inactive", async () => {
    const p = await demoPatient("1001");
    const other = await makePractice(db);
    expect(await findPatientByIdentity(db, tenantId, { ...p, birthdate: "1900-01-01" })).toBeNull();
    expect(await findPatientByIdentity(db, other.tenant.id, p)).toBeNull();
    await db.update(patients).set({ active: false }).where(eq(patients.id, p.id));
    expect(await findPatientByIdentity(db, tenantId, p)).toBeNull();
    await db.update(patients).set({ active: true }).where(eq(patients.id, p.id));
  });

  it("refuses impossible birthdates field by field", () => {
    const bad = identitySchema.safeParse({ firstName: "", lastName: "Lee", birthMonth: "2", birthDay: "30", birthYear: "1980" });
    expect(bad.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["firstName", "firstName"]]);
    const feb30 = identitySchema.safeParse({ firstName: "A", lastName: "Lee", birthMonth: "2", birthDay: "30", birthYear: "1980" });
    expect(feb30.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["birthDay", "birthdate"]]);
  });
});

describe("masking contacts", () => {
  it("shows only enough for the patient to recognise", () => {
    expect(maskEmail("john.smith@gmail.com")).toBe("j•••@gmail.com");
    expect(maskPhone("+15550101234")).toBe("(•••) •••-1234");
  });
});

describe("patient sessions", () => {
  it("finds a live session only on its own practice, and never after it expires", async () => {
    const p = await demoPatient("1002");
    const other = await makePractice(db);
    const t0 = new Date();
    const { token, session } = await createPatientSession(db, { tenantId, patientId: p.id, clinicId: p.clinicId, purpose: "verify" }, t0);
    expect((await findPatientSession(db, tenantId, token))?.id).toBe(session.id);
    expect(await findPatientSession(db, other.tenant.id, token)).toBeNull();
    expect(await findPatientSession(db, tenantId, token, new Date(t0.getTime() + 31 * 60_000))).toBeNull();
    expect(await findPatientSession(db, tenantId, "forged")).toBeNull();
    const [stored] = await db.select().from(patientSessions).where(eq(patientSessions.id, session.id));
    expect(stored?.tokenHash).not.toContain(token);
  });
});

describe("verification codes", () => {
  async function session() {
    const p = await demoPatient("1004");
    return (await createPatientSession(db, { tenantId, patientId: p.id, clinicId: p.clinicId, purpose: "verify" })).session;
  }

  it("verifies the session with the right code and stores only a hash", async () => {
    const s = await session();
    const issued = await issueVerificationCode(db, { tenantId, sessionId: s.id, channel: "email" });
    if (!issued.ok) throw new Error("not issued");
    expect(issued.code).toMatch(/^\d{6}$/);
    expect(issued.row.codeHash).not.toContain(issued.code);
    expect(await checkVerificationCode(db, { tenantId, sessionId: s.id, code: issued.code })).toEqual({ ok: true });
    const [verified] = await db.select().from(patientSessions).where(eq(patientSessions.id, s.id));
    expect(verified?.verifiedAt).not.toBeNull();
    expect(await checkVerificationCode(db, { tenantId, sessionId: s.id, code: issued.code })).toEqual({ ok: false, reason: "none" });
  });

  it("locks after five wrong tries, even for the right code", async () => {
    const s = await session();
    const issued = await issueVerificationCode(db, { tenantId, sessionId: s.id, channel: "email" });
    if (!issued.ok) throw new Error("not issued");
    const wrong = issued.code === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 1; left--) expect(await checkVerificationCode(db, { tenantId, sessionId: s.id, code: wrong })).toEqual({ ok: false, reason: "wrong", attemptsLeft: left });
    expect(await checkVerificationCode(db, { tenantId, sessionId: s.id, code: wrong })).toEqual({ ok: false, reason: "locked" });
    expect(await checkVerificationCode(db, { tenantId, sessionId: s.id, code: issued.code })).toEqual({ ok: false, reason: "locked" });
  });

  it("expires after ten minutes and enforces a resend cooldown", async () => {
    const s = await session();
    const t0 = new Date();
    const first = await issueVerificationCode(db, { tenantId, sessionId: s.id, channel: "email" }, t0);
    if (!first.ok) throw new Error("not issued");
    expect(await issueVerificationCode(db, { tenantId, sessionId: s.id, channel: "email" }, new Date(t0.getTime() + 20_000))).toEqual({
      ok: false,
      reason: "cooldown",
      retryAfterSeconds: 40,
    });
    expect(await checkVerificationCode(db, { tenantId, sessionId: s.id, code: first.code }, new Date(t0.getTime() + 11 * 60_000))).toEqual({ ok: false, reason: "expired" });
  });

  it("makes an older code useless once a new one is sent", async () => {
    const s = await session();
    const t0 = new Date();
    const first = await issueVerificationCode(db, { tenantId, sessionId: s.id, channel: "email" }, t0);
    const second = await issueVerificationCode(db, { tenantId, sessionId: s.id, channel: "email" }, new Date(t0.getTime() + 61_000));
    if (!first.ok || !second.ok) throw new Error("not issued");
    if (first.code !== second.code) {
      expect((await checkVerificationCode(db, { tenantId, sessionId: s.id, code: first.code }, new Date(t0.getTime() + 62_000))).ok).toBe(false);
    }
    expect(await checkVerificationCode(db, { tenantId, sessionId: s.id, code: second.code }, new Date(t0.getTime() + 62_000))).toEqual({ ok: true });
  });

  it("never checks a code against another practice's session", async () => {
    const s = await session();
    const other = await makePractice(db);
    const issued = await issueVerificationCode(db, { tenantId, sessionId: s.id, channel: "email" });
    if (!issued.ok) throw new Error("not issued");
    expect(await checkVerificationCode(db, { tenantId: other.tenant.id, sessionId: s.id, code: issued.code })).toEqual({ ok: false, reason: "none" });
    const rows = await db.select().from(verificationCodes).where(eq(verificationCodes.sessionId, s.id));
    expect(rows[0]?.consumedAt).toBeNull();
  });
});
