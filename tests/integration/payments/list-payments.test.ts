import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { patients, payments, tenants } from "@/db/schema";
import { DEMO, seedDemo } from "@/db/seed";
import { allPayments, listPayments, loadPaymentDetail, paymentFiltersSchema } from "@/lib/payments/list-payments";
import { paymentsToCsv } from "@/lib/payments/payments-csv";
import { makePractice } from "../../support/factories";

let db: Database;
let tenantId: string;
let patientId: string;
beforeAll(async () => {
  db = await getDb();
  await seedDemo(db);
  const [t] = await db.select().from(tenants).where(eq(tenants.slug, DEMO.slug));
  tenantId = t!.id;
  const [p] = await db.select().from(patients).where(eq(patients.tenantId, tenantId)).limit(1);
  patientId = p!.id;
  const base = { tenantId, patientId, currency: "usd", processorKind: "demo" as const };
  await db.insert(payments).values([
    { ...base, amountCents: 1000, status: "succeeded", idempotencyKey: "l1", succeededAt: new Date("2026-11-02T15:00:00Z"), createdAt: new Date("2026-11-02T15:00:00Z") },
    { ...base, amountCents: 2000, status: "succeeded", idempotencyKey: "l2", succeededAt: new Date("2026-11-03T15:00:00Z"), createdAt: new Date("2026-11-03T15:00:00Z"), postedAt: new Date() },
    { ...base, amountCents: 3000, status: "failed", idempotencyKey: "l3", createdAt: new Date("2026-11-04T15:00:00Z") },
  ]);
});

const filters = (raw: Record<string, string>) => paymentFiltersSchema.parse(raw);

describe("listing payments", () => {
  it("filters by status, posting and the practice's calendar days", async () => {
    const tz = "America/Chicago";
    expect((await listPayments(db, tenantId, tz, filters({ status: "paid" }))).rows.map((r) => r.payment.amountCents).sort()).toEqual([1000, 2000]);
    expect((await listPayments(db, tenantId, tz, filters({ posted: "no" }))).rows.map((r) => r.payment.amountCents)).toEqual([1000]);
    expect((await listPayments(db, tenantId, tz, filters({ from: "2026-11-03", to: "2026-11-03" }))).rows.map((r) => r.payment.amountCents)).toEqual([2000]);
    expect((await listPayments(db, tenantId, tz, filters({ status: "failed" }))).rows.map((r) => r.payment.amountCents)).toEqual([3000]);
  });

  it("ignores malformed filters instead of failing", () => {
    expect(filters({ from: "yesterday", status: "weird", clinic: "x" })).toEqual({ from: undefined, status: undefined, clinic: undefined, to: undefined, patient: undefined, posted: undefined, page: undefined });
  });

  it("never shows another practice's payments, in the list, the detail or the export", async () => {
    const other = await makePractice(db);
    const [mine] = await db.select().from(payments).where(eq(payments.tenantId, tenantId)).limit(1);
    expect((await listPayments(db, other.tenant.id, "UTC", filters({}))).rows).toEqual([]);
    expect(await loadPaymentDetail(db, other.tenant.id, mine!.id)).toBeUndefined();
    expect(await allPayments(db, other.tenant.id, "UTC", filters({ patient: patientId }))).toEqual([]);
  });

  it("exports CSV with decimal amounts and defused formulas", async () => {
    const rows = await allPayments(db, tenantId, "UTC", filters({ status: "paid" }));
    rows[0]!.patientFirstName = "=HYPERLINK(\"x\")";
    const csv = paymentsToCsv(rows);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toContain("receipt_number,created_at");
    expect(lines).toHaveLength(3);
    expect(csv).toContain("20.00");
    expect(csv).toContain(`"'=HYPERLINK(""x"")`);
  });
});
