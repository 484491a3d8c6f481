import { createHash } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, devOutbox, patients, payments, tenants, tenantSlugRedirects, verificationTokens } from "@/db/schema";
import { loadSetupState } from "@/lib/tenancy/setup-state";
import { listTenants } from "@/lib/support/list-tenants";
import { loadTenantDetail } from "@/lib/support/tenant-detail";
import { tenantListQuerySchema } from "@/lib/support/tenant-schemas";
import { sendOwnerSignInLink } from "@/lib/support/owner-sign-in-link";
import { findSlugRedirect } from "@/lib/tenancy/slug-redirects";
import { loadPortalTenant } from "@/lib/tenancy/portal-tenant";
import { formatKey } from "@/lib/registration-keys/key-format";
import { addMember, makePractice } from "../../support/factories";
import { auditFor, consoleFor, makeLivePractice, makeSupport, portalState, TEST_SECRET } from "./support-setup";

describe("practices in the support console", () => {
  let db: Database;
  let support: Awaited<ReturnType<typeof makeSupport>>;
  let actions: ReturnType<typeof consoleFor>["actions"];

  beforeAll(async () => {
    db = await getDb();
    support = await makeSupport(db);
    actions = consoleFor(db, { userId: support.id }).actions;
  });

  it("suspending closes the portal at once and shows the office the reason; lifting it reopens the portal", async () => {
    const { tenant } = await makeLivePractice(db);
    const suspended = await actions.suspend(null, { practiceId: tenant.id, reason: "Unpaid invoices" });
    expect(suspended).toMatchObject({ ok: true });
    expect(await portalState(db, tenant.slug)).toBe("suspended");
    expect((await loadSetupState(db, tenant.id)).suspended).toEqual({ reason: "Unpaid invoices" });
    const again = await actions.suspend(null, { practiceId: tenant.id, reason: "Twice" });
    expect(again).toEqual({ ok: false, formError: "That practice is already suspended." });

    const lifted = await actions.unsuspend(null, { practiceId: tenant.id, reason: "Paid up" });
    expect(lifted).toMatchObject({ ok: true });
    expect(await portalState(db, tenant.slug)).toBe("live");
    const entries = (await auditFor(db, tenant.id)).filter((e) => e.actorKind === "support");
    expect(entries.map((e) => [e.action, e.summary.reason, e.actorEmail])).toEqual([
      ["practice.suspended", "Unpaid invoices", support.email],
      ["practice.unsuspended", "Paid up", support.email],
    ]);
  });

  it("won't suspend without a reason", async () => {
    const { tenant } = await makeLivePractice(db);
    const result = await actions.suspend(null, { practiceId: tenant.id, reason: " " });
    expect(result.ok === false && result.fieldErrors?.reason).toBeTruthy();
    expect(await portalState(db, tenant.slug)).toBe("live");
  });

  it("emails the owner a sign-in link that Auth.js will accept, without showing it to support", async () => {
    const { tenant, owner } = await makePractice(db);
    const result = await sendOwnerSignInLink(db, { userId: support.id, email: support.email }, { practiceId: tenant.id }, TEST_SECRET);
    expect(result).toEqual({ ok: true, email: owner.email });
    const [mail] = await db.select().from(devOutbox).where(eq(devOutbox.toAddress, owner.email)).orderBy(desc(devOutbox.createdAt)).limit(1);
    const link = new URL(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/.exec(mail!.text)![0]);
    expect(link.searchParams.get("email")).toBe(owner.email);
    const token = link.searchParams.get("token")!;
    const [stored] = await db.select().from(verificationTokens).where(eq(verificationTokens.identifier, owner.email));
    // Auth.js looks the token up by sha256(token + secret).
    expect(stored?.token).toBe(createHash("sha256").update(`${token}${TEST_SECRET}`).digest("hex"));
    expect(stored!.expires.getTime()).toBeGreaterThan(Date.now());
    const [entry] = await auditFor(db, tenant.id, "practice.owner-sign-in-link-sent");
    expect(JSON.stringify(entry?.summary)).not.toContain(token);
  });

  it("changes the subdomain with sign-up's rules, and the old one redirects for 30 days only", async () => {
    const { tenant } = await makeLivePractice(db, { slug: "old-address" });
    const other = await makePractice(db, { slug: "someone-else" });
    const bad = await actions.changeSubdomain(null, { practiceId: tenant.id, slug: "no--double" });
    expect(bad.ok === false && bad.fieldErrors?.slug?.[0]).toMatch(/two hyphens/);
    const reserved = await actions.changeSubdomain(null, { practiceId: tenant.id, slug: "support" });
    expect(reserved.ok === false && reserved.fieldErrors?.slug?.[0]).toMatch(/reserved/);
    const taken = await actions.changeSubdomain(null, { practiceId: tenant.id, slug: "someone-else" });
    expect(taken.ok === false && taken.fieldErrors?.slug?.[0]).toMatch(/taken/);

    // As the console's form posts it: the optional reason left empty.
    const moved = await actions.changeSubdomain(null, { practiceId: tenant.id, slug: "New-Address", reason: "" });
    expect(moved).toMatchObject({ ok: true });
    expect(await loadPortalTenant(db, "old-address")).toBeNull();
    expect(await portalState(db, "new-address")).toBe("live");
    const redirect = await findSlugRedirect(db, "old-address");
    expect(redirect?.slug).toBe("new-address");
    const days = (redirect!.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect(await findSlugRedirect(db, "old-address", new Date(Date.now() + 31 * 86_400_000))).toBeNull();

    // The old address is held for this practice: nobody else may take it while it redirects.
    const grab = await actions.changeSubdomain(null, { practiceId: other.tenant.id, slug: "old-address" });
    expect(grab.ok === false && grab.fieldErrors?.slug?.[0]).toMatch(/redirects to another practice/);
    const [entry] = await auditFor(db, tenant.id, "practice.subdomain-changed");
    expect(entry?.summary).toMatchObject({ before: { slug: "old-address" }, after: { slug: "new-address" } });

    // Moving back ends that redirect, and the address it leaves redirects instead.
    expect(await actions.changeSubdomain(null, { practiceId: tenant.id, slug: "old-address" })).toMatchObject({ ok: true });
    expect(await findSlugRedirect(db, "old-address")).toBeNull();
    expect((await findSlugRedirect(db, "new-address"))?.slug).toBe("old-address");
  });

  it("lets another practice have an old address once its redirect has expired", async () => {
    const { tenant } = await makePractice(db, { slug: "expiring-one" });
    const other = await makePractice(db);
    await actions.changeSubdomain(null, { practiceId: tenant.id, slug: "expiring-two" });
    await db.update(tenantSlugRedirects).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(tenantSlugRedirects.oldSlug, "expiring-one"));
    expect(await findSlugRedirect(db, "expiring-one")).toBeNull();
    expect(await actions.changeSubdomain(null, { practiceId: other.tenant.id, slug: "expiring-one" })).toMatchObject({ ok: true });
    expect((await loadPortalTenant(db, "expiring-one"))?.id).toBe(other.tenant.id);
  });

  it("finds practices by name, subdomain, key and owner email, and filters by setup state", async () => {
    const live = await makeLivePractice(db, { slug: "filter-live" });
    const bare = await makePractice(db, { slug: "filter-bare", name: "Zebra Orthodontics" });
    const suspended = await makeLivePractice(db, { slug: "filter-suspended" });
    await actions.suspend(null, { practiceId: suspended.tenant.id, reason: "Testing filters" });
    const ids = (query: Record<string, string>) => listTenants(db, tenantListQuerySchema.parse(query)).then((r) => r.rows.map((t) => t.id));

    expect(await ids({ q: "zebra" })).toEqual([bare.tenant.id]);
    expect(await ids({ q: "filter-live" })).toEqual([live.tenant.id]);
    expect(await ids({ q: formatKey(live.key.key) })).toEqual([live.tenant.id]);
    expect(await ids({ q: live.owner.email.toUpperCase() })).toEqual([live.tenant.id]);
    expect(await ids({ state: "live", q: "filter-" })).toEqual([live.tenant.id]);
    expect(await ids({ state: "suspended", q: "filter-" })).toEqual([suspended.tenant.id]);
    expect(await ids({ state: "no-key", q: "filter-" })).toEqual([bare.tenant.id]);
  });

  it("shows setup, team and health counts on a practice's page but no patient names or balances", async () => {
    const { tenant, owner } = await makeLivePractice(db);
    const staff = await addMember(db, tenant.id, "staff");
    const [patient] = await db
      .insert(patients)
      .values({ tenantId: tenant.id, externalId: "P-1", firstName: "Secretname", lastName: "Hiddenlast", firstNameKey: "secretname", lastNameKey: "hiddenlast", birthdate: "1980-01-01", balanceCents: 77_777 })
      .returning();
    const now = new Date();
    await db.insert(payments).values([
      { tenantId: tenant.id, patientId: patient!.id, amountCents: 10_000, status: "succeeded", succeededAt: now, idempotencyKey: "a", processorKind: "demo" },
      { tenantId: tenant.id, patientId: patient!.id, amountCents: 5_000, refundedCents: 1_000, status: "partially_refunded", succeededAt: now, idempotencyKey: "b", processorKind: "demo" },
      { tenantId: tenant.id, patientId: patient!.id, amountCents: 9_999, status: "failed", idempotencyKey: "c", processorKind: "demo" },
    ]);
    const detail = (await loadTenantDetail(db, tenant.id))!;
    expect(detail.setup.live).toBe(true);
    expect(detail.team).toEqual(expect.arrayContaining([{ email: owner.email, role: "owner" }, { email: staff.email, role: "staff" }]));
    expect(detail.clinics.map((c) => c.name)).toEqual(["Main Office"]);
    expect(detail.payments30d).toEqual({ count: 2, totalCents: 14_000, currency: "usd" });
    expect(detail.failedWebhooks).toBe(0);
    expect(detail.failedMessages).toBe(0);
    const text = JSON.stringify(detail);
    expect(text).not.toContain("Secretname");
    expect(text).not.toContain("77777");
    expect(await loadTenantDetail(db, crypto.randomUUID())).toBeNull();
  });

  it("leaves no audit row when a subdomain change fails inside its transaction", async () => {
    const { tenant } = await makePractice(db, { slug: "atomic-source" });
    await makePractice(db, { slug: "atomic-target" });
    const before = await db.select().from(auditLog).where(eq(auditLog.action, "practice.subdomain-changed"));
    // The unique index on tenants.slug refuses the update after the redirect bookkeeping ran: all of it rolls back.
    const result = await actions.changeSubdomain(null, { practiceId: tenant.id, slug: "atomic-target" });
    expect(result.ok).toBe(false);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "practice.subdomain-changed"))).toEqual(before);
    expect(await db.select().from(tenantSlugRedirects).where(eq(tenantSlugRedirects.oldSlug, "atomic-source"))).toEqual([]);
    expect((await db.select().from(tenants).where(eq(tenants.id, tenant.id)))[0]?.slug).toBe("atomic-source");
  });
});
