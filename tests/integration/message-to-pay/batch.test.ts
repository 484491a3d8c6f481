import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { clinics, messageBatches, messages, paymentRequests } from "@/db/schema";
import { optOut } from "@/lib/messaging/opt-outs";
import { batchFiltersSchema, matchingPatientIds, previewBatch } from "@/lib/message-to-pay/batch-filters";
import { batchMessages, batchMessagesToCsv, batchProgress, loadBatch } from "@/lib/message-to-pay/batch-progress";
import { listRequests } from "@/lib/message-to-pay/list-requests";
import { sendBatch } from "@/lib/message-to-pay/send-batch";
import { sendSingleRequest } from "@/lib/message-to-pay/send-single";
import { addPatient, practice } from "./harness";

let db: Database;
beforeAll(async () => {
  db = await getDb();
});

const filters = (raw: Record<string, unknown> = {}) => batchFiltersSchema.parse(raw);

describe("bulk filters", () => {
  it("match this practice's active patients owing at least the minimum, each filter narrowing the set", async () => {
    const { tenant, owner } = await practice(db);
    const [main] = await db.select().from(clinics).where(eq(clinics.tenantId, tenant.id));
    const [north] = await db.insert(clinics).values({ tenantId: tenant.id, slug: "north", name: "North" }).returning();
    const big = await addPatient(db, tenant.id, { balanceCents: 50_000, clinicId: main!.id, statementDaysAgo: 40 });
    const small = await addPatient(db, tenant.id, { balanceCents: 2_000, clinicId: north!.id });
    const noEmail = await addPatient(db, tenant.id, { email: null, clinicId: north!.id });
    const noPhone = await addPatient(db, tenant.id, { phone: null, clinicId: main!.id });
    const optedOutBoth = await addPatient(db, tenant.id, { phone: null });
    await optOut(db, { tenantId: tenant.id, channel: "email", address: optedOutBoth.email!, source: "unsubscribe" });
    await addPatient(db, tenant.id, { balanceCents: 0 });
    await addPatient(db, tenant.id, { active: false });
    const other = await practice(db);
    await addPatient(db, other.tenant.id, { balanceCents: 99_999 });

    const ids = async (raw: Record<string, unknown>) => new Set(await matchingPatientIds(db, tenant.id, filters(raw)));
    expect(await ids({})).toEqual(new Set([big.id, small.id, noEmail.id, noPhone.id, optedOutBoth.id]));
    expect(await ids({ minBalance: "100" })).toEqual(new Set([big.id, noEmail.id, noPhone.id, optedOutBoth.id]));
    expect(await ids({ minBalance: "300.00" })).toEqual(new Set([big.id]));
    expect(await ids({ clinic: north!.id })).toEqual(new Set([small.id, noEmail.id]));
    expect(await ids({ hasEmail: "on" })).toEqual(new Set([big.id, small.id, noPhone.id, optedOutBoth.id]));
    expect(await ids({ hasPhone: "on" })).toEqual(new Set([big.id, small.id, noEmail.id]));
    expect(await ids({ notOptedOut: "on" })).toEqual(new Set([big.id, small.id, noEmail.id, noPhone.id]));
    expect(await ids({ statementOlderThanDays: "30" })).toEqual(new Set([big.id]));

    // "Not messaged in 14 days": a request sent today takes the patient out.
    await sendSingleRequest(db, { tenantId: tenant.id, userId: owner.id, patientId: small.id, channels: ["email"] });
    expect(await ids({ notMessagedDays: "14" })).toEqual(new Set([big.id, noEmail.id, noPhone.id, optedOutBoth.id]));

    // Another practice's clinic matches nothing here.
    const [theirClinic] = await db.select().from(clinics).where(eq(clinics.tenantId, other.tenant.id));
    expect(await ids({ clinic: theirClinic!.id })).toEqual(new Set());
  });

  it("previews a count and a sample of 10 with names masked to first name and last initial", async () => {
    const { tenant } = await practice(db);
    for (let i = 0; i < 12; i++) await addPatient(db, tenant.id, { firstName: "Ana", lastName: `Zed${i}` });
    const preview = await previewBatch(db, tenant.id, filters({}));
    expect(preview.count).toBe(12);
    expect(preview.sample).toHaveLength(10);
    expect(preview.sample.every((s) => s.name === "Ana Z.")).toBe(true);
    expect(preview.sample[0]!.owedCents).toBe(24_550);
  });

  it("reject malformed input with a message for the field", () => {
    const r = batchFiltersSchema.safeParse({ minBalance: "lots", notMessagedDays: "-1", clinic: "x" });
    expect(r.success).toBe(false);
    const fields = r.success ? [] : r.error.issues.map((i) => i.path[0]);
    expect(fields.sort()).toEqual(["clinic", "minBalance", "notMessagedDays"]);
  });
});

describe("sending a batch", () => {
  it("creates a request and queued messages per reachable patient, skipping opted-out channels and unreachable patients", async () => {
    const { tenant, owner } = await practice(db);
    const both = await addPatient(db, tenant.id);
    const smsOut = await addPatient(db, tenant.id);
    await optOut(db, { tenantId: null, channel: "sms", address: smsOut.phone!, source: "stop" });
    const unreachable = await addPatient(db, tenant.id, { email: null });
    await optOut(db, { tenantId: null, channel: "sms", address: unreachable.phone!, source: "stop" });

    // The send action hands over filters its schema already parsed; sendBatch takes those as well as raw ones.
    const result = await sendBatch(db, { tenantId: tenant.id, userId: owner.id, filters: filters({ minBalance: "1.00", notOptedOut: "on" }), channels: ["email", "sms"] });

    expect(result).toMatchObject({ requests: 2, messages: 3, skippedPatients: 0 });
    const batch = await loadBatch(db, tenant.id, result.batchId);
    expect(batch).toMatchObject({ total: 2, channels: ["email", "sms"], createdByUserId: owner.id });
    const reqs = await db.select().from(paymentRequests).where(eq(paymentRequests.batchId, result.batchId));
    expect(new Map(reqs.map((r) => [r.patientId, r.channels]))).toEqual(
      new Map([
        [both.id, ["email", "sms"]],
        [smsOut.id, ["email"]],
      ]),
    );
    const queued = await db.select().from(messages).where(eq(messages.batchId, result.batchId));
    expect(queued.every((m) => m.status === "queued" && m.kind === "request" && m.tenantId === tenant.id)).toBe(true);
    expect(queued.filter((m) => m.patientId === smsOut.id).map((m) => m.channel)).toEqual(["email"]);
    expect(await batchProgress(db, tenant.id, result.batchId)).toEqual({ total: 3, queued: 3, sent: 0, failed: 0, done: false });

    // The worker's outcome shows as progress.
    await db.update(messages).set({ status: "delivered" }).where(and(eq(messages.batchId, result.batchId), eq(messages.channel, "email")));
    await db.update(messages).set({ status: "failed", error: "=HYPERLINK(\"x\")" }).where(and(eq(messages.batchId, result.batchId), eq(messages.channel, "sms")));
    expect(await batchProgress(db, tenant.id, result.batchId)).toEqual({ total: 3, queued: 0, sent: 2, failed: 1, done: true });

    const csv = batchMessagesToCsv(await batchMessages(db, tenant.id, result.batchId));
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("patient_id,patient_name,channel,to,status,error,created_at,sent_at,delivered_at,request_id");
    expect(lines).toHaveLength(4);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);

    const listed = await listRequests(db, tenant.id, "America/Chicago", { batch: result.batchId });
    expect(listed.totals).toEqual({ count: 2, requestedCents: 49_100, collectedCents: 0 });
    expect(listed.rows.map((r) => r.state).sort()).toEqual(["delivered", "delivered"]);
  });

  it("handles 1,000 patients: 1,000 requests, each with its own link", async () => {
    const { tenant, owner } = await practice(db);
    const values = Array.from({ length: 1000 }, (_, i) => i);
    // Inserted in bulk: the factory's one-by-one inserts would dominate the test's time.
    const { patients } = await import("@/db/schema");
    const { nameKey } = await import("@/lib/patients/name-key");
    await db.insert(patients).values(
      values.map((i) => ({
        tenantId: tenant.id,
        externalId: `B${i}`,
        firstName: "Bulk",
        lastName: `Patient${i}`,
        firstNameKey: nameKey("Bulk"),
        lastNameKey: nameKey(`Patient${i}`),
        birthdate: "1970-01-01",
        email: `bulk${i}@example.com`,
        phone: i % 2 === 0 ? `+1555400${String(i).padStart(4, "0")}` : null,
        balanceCents: 1_000 + i,
        balanceAsOf: new Date(Date.now() - 86_400_000),
      })),
    );
    const started = Date.now();
    const result = await sendBatch(db, { tenantId: tenant.id, userId: owner.id, filters: {}, channels: ["email", "sms"] });
    const elapsed = Date.now() - started;

    expect(result).toMatchObject({ requests: 1000, messages: 1500, skippedPatients: 0 });
    const reqs = await db.select({ tokenHash: paymentRequests.tokenHash }).from(paymentRequests).where(eq(paymentRequests.batchId, result.batchId));
    expect(new Set(reqs.map((r) => r.tokenHash)).size).toBe(1000);
    const [row] = await db.select().from(messageBatches).where(eq(messageBatches.id, result.batchId));
    expect(row?.total).toBe(1000);
    // Generous bound for a busy 2-core runner on PGlite; the bench measures it properly.
    expect(elapsed).toBeLessThan(25_000);
  }, 60_000);

  it("doesn't show another practice's batch", async () => {
    const a = await practice(db);
    const b = await practice(db);
    await addPatient(db, b.tenant.id);
    const theirs = await sendBatch(db, { tenantId: b.tenant.id, userId: b.owner.id, filters: {}, channels: ["email"] });
    expect(await loadBatch(db, a.tenant.id, theirs.batchId)).toBeUndefined();
    expect(await batchProgress(db, a.tenant.id, theirs.batchId)).toMatchObject({ total: 0 });
    expect(await batchMessages(db, a.tenant.id, theirs.batchId)).toEqual([]);
    expect((await listRequests(db, a.tenant.id, "UTC", { batch: theirs.batchId })).totals.count).toBe(0);
  });
});
