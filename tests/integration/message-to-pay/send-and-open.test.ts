import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { messageTemplates, paymentRequests, payments } from "@/db/schema";
import { optOut } from "@/lib/messaging/opt-outs";
import { openPaymentLink } from "@/lib/message-to-pay/open-link";
import { requestState } from "@/lib/message-to-pay/list-requests";
import { revokeRequest } from "@/lib/message-to-pay/revoke-request";
import { sendSingleRequest } from "@/lib/message-to-pay/send-single";
import { previewSingle } from "@/lib/message-to-pay/single-preview";
import { sha256 } from "@/lib/security/sha256";
import { createPatientSession } from "@/lib/patients/patient-session";
import { submitDemoCheckout } from "@/lib/payments/demo/demo-checkout";
import { startPatientPayment } from "@/lib/payments/start-payment";
import { livePractice } from "../payments/payment-harness";
import { addPatient, messagesOf, practice, requestRow, tokenFrom } from "./harness";

let db: Database;
beforeAll(async () => {
  for (const name of ["STRIPE_SECRET_KEY", "STRIPE_API_BASE", "RESEND_API_KEY", "RESEND_BASE_URL"]) delete process.env[name];
  db = await getDb();
});

describe("sending one patient a Message-to-Pay", () => {
  it("snapshots the statement and queues a rendered email and text with the personal link", async () => {
    const { tenant, owner } = await practice(db, "Bright Smiles Dental");
    const patient = await addPatient(db, tenant.id, { firstName: "Robert", lastName: "Smith", email: "Robert.Smith@Example.com", phone: "(555) 201-0001", balanceCents: 24_550 });
    const before = Date.now();

    const result = await sendSingleRequest(db, { tenantId: tenant.id, userId: owner.id, patientId: patient.id, channels: ["email", "sms"] });

    expect(result).toMatchObject({ ok: true, queued: 2, skipped: [] });
    if (!result.ok) return;
    const request = await requestRow(db, result.requestId);
    expect(request).toMatchObject({ tenantId: tenant.id, patientId: patient.id, clinicId: patient.clinicId, balanceCents: 24_550, channels: ["email", "sms"], createdByUserId: owner.id, revokedAt: null, openCount: 0, nextReminderAt: null });
    // Default link lifetime: 30 days.
    expect(request.expiresAt.getTime() - request.statementAsOf.getTime()).toBe(30 * 86_400_000);
    expect(request.statementAsOf.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const [email, sms] = await messagesOf(db, result.requestId);
    const token = tokenFrom(sms!.body);
    expect(token).toHaveLength(43);
    expect(request.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(request)).not.toContain(token);
    const url = `http://${tenant.slug}.localhost:3000/m/${token}`;
    expect(sms).toMatchObject({ channel: "sms", status: "queued", kind: "request", toAddress: "+15552010001", tenantId: tenant.id, patientId: patient.id, requestId: result.requestId, batchId: null, segments: 1, html: null });
    expect(sms!.body.length).toBeLessThanOrEqual(160);
    expect(sms!.body).toBe(`Your balance with Main Office is $245.50. To make your payment, visit ${url}.`);
    expect(email).toMatchObject({ channel: "email", status: "queued", toAddress: "robert.smith@example.com", subject: "Your balance with Main Office", segments: 0 });
    expect(email!.body).toContain(`Hi Robert,`);
    expect(email!.body).toContain(`visit ${url}.`);
    expect(email!.body).toContain("Questions about your bill? Call us at (555) 010-1001.");
    expect(email!.html).toContain(`href="${url}"`);
    expect(email!.html).toContain("Bright Smiles Dental");
    expect(email!.html).toContain("$245.50");
    expect(email!.html).toContain(`http://${tenant.slug}.localhost:3000/u/`);
  });

  it("sends the wording staff edited for this patient, and refuses an edit without the link", async () => {
    const { tenant, owner } = await practice(db);
    const patient = await addPatient(db, tenant.id);
    const edited = { smsBody: "Hi [namePref], a friendly nudge: [MsgToPayURL]", emailSubject: "Balance", emailBody: "Pay at [MsgToPayURL]" };
    const ok = await sendSingleRequest(db, { tenantId: tenant.id, userId: owner.id, patientId: patient.id, channels: ["sms"], template: edited });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const [sms] = await messagesOf(db, ok.requestId);
    expect(sms!.body).toMatch(/^Hi Maria, a friendly nudge: http:\/\/.+\/m\/[\w-]{43}$/);

    const refused = await sendSingleRequest(db, { tenantId: tenant.id, userId: owner.id, patientId: patient.id, channels: ["sms"], template: { ...edited, smsBody: "Hi [Nickname]" } });
    expect(refused).toMatchObject({ ok: false, code: "template_refused" });
  });

  it("uses the practice's saved template", async () => {
    const { tenant, owner } = await practice(db);
    await db.insert(messageTemplates).values({ tenantId: tenant.id, smsBody: "[PatNum] owes $[StatementBalance]: [MsgToPayURL]", emailSubject: "x", emailBody: "[MsgToPayURL]" });
    const patient = await addPatient(db, tenant.id, { balanceCents: 100_000 });
    const r = await sendSingleRequest(db, { tenantId: tenant.id, userId: owner.id, patientId: patient.id, channels: ["sms"] });
    if (!r.ok) throw new Error(r.code);
    const [sms] = await messagesOf(db, r.requestId);
    expect(sms!.body).toMatch(new RegExp(`^${patient.externalId} owes \\$1,000\\.00: http`));
  });

  it("skips channels the patient has no address for or opted out of, and refuses when none is left", async () => {
    const { tenant, owner } = await practice(db);
    const noPhone = await addPatient(db, tenant.id, { phone: null });
    const r1 = await sendSingleRequest(db, { tenantId: tenant.id, userId: owner.id, patientId: noPhone.id, channels: ["email", "sms"] });
    expect(r1).toMatchObject({ ok: true, queued: 1, skipped: [{ channel: "sms", reason: "missing" }] });

    const optedOut = await addPatient(db, tenant.id);
    await optOut(db, { tenantId: tenant.id, channel: "email", address: optedOut.email!.toUpperCase(), source: "unsubscribe" });
    // A STOP to our number applies to every practice.
    await optOut(db, { tenantId: null, channel: "sms", address: optedOut.phone!, source: "stop" });
    const r2 = await sendSingleRequest(db, { tenantId: tenant.id, userId: owner.id, patientId: optedOut.id, channels: ["email", "sms"] });
    expect(r2).toMatchObject({ ok: false, code: "no_channel", skipped: [{ channel: "email", reason: "opted_out" }, { channel: "sms", reason: "opted_out" }] });
    expect(await db.select().from(paymentRequests).where(eq(paymentRequests.patientId, optedOut.id))).toHaveLength(0);

    const preview = await previewSingle(db, tenant.id, optedOut.id);
    expect(preview?.channels.map((c) => [c.channel, c.available, c.reason])).toEqual([
      ["email", false, "opted_out"],
      ["sms", false, "opted_out"],
    ]);
  });

  it("refuses a patient who owes nothing", async () => {
    const { tenant, owner } = await practice(db);
    const patient = await addPatient(db, tenant.id, { balanceCents: 0 });
    expect(await sendSingleRequest(db, { tenantId: tenant.id, userId: owner.id, patientId: patient.id, channels: ["email"] })).toMatchObject({ ok: false, code: "nothing_owed" });
  });

  it("previews the panel with the patient's details filled in and the link tag kept", async () => {
    const { tenant } = await practice(db);
    const patient = await addPatient(db, tenant.id, { preferredName: "Bobby", firstName: "Robert" });
    const preview = await previewSingle(db, tenant.id, patient.id);
    expect(preview).toMatchObject({ balanceCents: 24_550, prefill: { smsBody: "Your balance with Main Office is $245.50. To make your payment, visit [MsgToPayURL]." } });
    expect(preview!.prefill.emailBody).toMatch(/^Hi Bobby,/);
  });
});

describe("another practice's ids", () => {
  it("can't send to or preview another practice's patient", async () => {
    const a = await practice(db);
    const b = await practice(db);
    const theirs = await addPatient(db, b.tenant.id);
    expect(await sendSingleRequest(db, { tenantId: a.tenant.id, userId: a.owner.id, patientId: theirs.id, channels: ["email", "sms"] })).toMatchObject({ ok: false, code: "not_found" });
    expect(await previewSingle(db, a.tenant.id, theirs.id)).toBeNull();
    expect(await db.select().from(paymentRequests).where(eq(paymentRequests.patientId, theirs.id))).toHaveLength(0);
  });

  it("can't open, revoke or read the state of another practice's request", async () => {
    const a = await practice(db);
    const b = await practice(db);
    const patient = await addPatient(db, b.tenant.id);
    const sent = await sendSingleRequest(db, { tenantId: b.tenant.id, userId: b.owner.id, patientId: patient.id, channels: ["sms"] });
    if (!sent.ok) throw new Error(sent.code);
    const token = tokenFrom((await messagesOf(db, sent.requestId))[0]!.body);

    expect(await openPaymentLink(db, { tenantId: a.tenant.id, token, record: true })).toEqual({ ok: false, reason: "invalid" });
    expect(await revokeRequest(db, a.tenant.id, sent.requestId)).toBe(false);
    expect(await requestState(db, a.tenant.id, sent.requestId)).toBeNull();
    expect(await requestRow(db, sent.requestId)).toMatchObject({ revokedAt: null, openCount: 0 });
    expect(await openPaymentLink(db, { tenantId: b.tenant.id, token })).toMatchObject({ ok: true });
  });
});

describe("the personal link", () => {
  it("shows the first name and statement, records each open, and refuses malformed or unknown tokens", async () => {
    const { tenant, owner } = await practice(db);
    const patient = await addPatient(db, tenant.id, { firstName: "Lucía", lastName: "Pérez", balanceCents: 8_999 });
    const sent = await sendSingleRequest(db, { tenantId: tenant.id, userId: owner.id, patientId: patient.id, channels: ["email"] });
    if (!sent.ok) throw new Error(sent.code);
    const token = tokenFrom((await messagesOf(db, sent.requestId))[0]!.body);

    const t1 = new Date(Date.now() + 60_000);
    const first = await openPaymentLink(db, { tenantId: tenant.id, token, record: true, now: t1 });
    expect(first).toMatchObject({ ok: true, firstName: "Lucía", statementCents: 8_999, paidSinceCents: 0, remainingCents: 8_999 });
    expect(JSON.stringify({ ...first, request: undefined })).not.toContain("Pérez");
    const t2 = new Date(Date.now() + 120_000);
    await openPaymentLink(db, { tenantId: tenant.id, token, record: true, now: t2 });
    expect(await requestRow(db, sent.requestId)).toMatchObject({ openCount: 2, firstOpenedAt: t1, lastOpenedAt: t2 });

    expect(await openPaymentLink(db, { tenantId: tenant.id, token: "short" })).toEqual({ ok: false, reason: "invalid" });
    expect(await openPaymentLink(db, { tenantId: tenant.id, token: "A".repeat(43) })).toEqual({ ok: false, reason: "invalid" });
  });

  it("expires after the practice's link lifetime", async () => {
    const { tenant, owner } = await practice(db);
    const patient = await addPatient(db, tenant.id);
    const sent = await sendSingleRequest(db, { tenantId: tenant.id, userId: owner.id, patientId: patient.id, channels: ["sms"] });
    if (!sent.ok) throw new Error(sent.code);
    const token = tokenFrom((await messagesOf(db, sent.requestId))[0]!.body);
    const { expiresAt } = await requestRow(db, sent.requestId);
    expect(await openPaymentLink(db, { tenantId: tenant.id, token, now: new Date(expiresAt.getTime() - 1000) })).toMatchObject({ ok: true });
    expect(await openPaymentLink(db, { tenantId: tenant.id, token, now: expiresAt, record: true })).toEqual({ ok: false, reason: "expired" });
    expect(await requestRow(db, sent.requestId)).toMatchObject({ openCount: 0 });
    expect(await requestState(db, tenant.id, sent.requestId, expiresAt)).toMatchObject({ state: "expired" });
  });

  it("stops working once staff revoke it, and its queued messages are canceled", async () => {
    const { tenant, owner } = await practice(db);
    const patient = await addPatient(db, tenant.id);
    const sent = await sendSingleRequest(db, { tenantId: tenant.id, userId: owner.id, patientId: patient.id, channels: ["sms", "email"] });
    if (!sent.ok) throw new Error(sent.code);
    const token = tokenFrom((await messagesOf(db, sent.requestId))[1]!.body);
    expect(await revokeRequest(db, tenant.id, sent.requestId)).toBe(true);
    expect(await revokeRequest(db, tenant.id, sent.requestId)).toBe(false);
    expect(await openPaymentLink(db, { tenantId: tenant.id, token })).toEqual({ ok: false, reason: "revoked" });
    expect((await messagesOf(db, sent.requestId)).map((m) => m.status)).toEqual(["canceled", "canceled"]);
    expect(await requestState(db, tenant.id, sent.requestId)).toMatchObject({ state: "revoked" });
  });
});

describe("paying from the link", () => {
  it("links the demo payment to the request, shows what remains, and the request turns paid", async () => {
    const live = await livePractice(db, "demo");
    const tenant = live.tenant;
    const patient = await addPatient(db, tenant.id, { balanceCents: 30_000 });
    const sent = await sendSingleRequest(db, { tenantId: tenant.id, userId: live.ownerId, patientId: patient.id, channels: ["email"] });
    if (!sent.ok) throw new Error(sent.code);
    expect(await requestState(db, tenant.id, sent.requestId)).toEqual({ state: "queued", paidCents: 0 });
    const token = tokenFrom((await messagesOf(db, sent.requestId))[0]!.body);
    const opened = await openPaymentLink(db, { tenantId: tenant.id, token, record: true });
    if (!opened.ok) throw new Error(opened.reason);
    expect(await requestState(db, tenant.id, sent.requestId)).toEqual({ state: "opened", paidCents: 0 });

    // What the link page's Pay button does: a verified "message-link" visit, paying part here.
    const { session } = await createPatientSession(db, {
      tenantId: tenant.id,
      patientId: patient.id,
      clinicId: patient.clinicId,
      purpose: "message-link",
      verified: true,
      paymentRequestId: opened.request.id,
    });
    const started = await startPatientPayment(db, { tenant, session, amountCents: 10_000, source: "message_to_pay" });
    if (!started.ok) throw new Error(started.code);
    const pageId = new URL(started.redirectUrl).pathname.split("/").pop()!;
    expect(await submitDemoCheckout(db, pageId, { cardNumber: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" })).toMatchObject({ ok: true });
    const [payment] = await db.select().from(payments).where(eq(payments.id, started.paymentId));
    expect(payment).toMatchObject({ status: "succeeded", source: "message_to_pay", paymentRequestId: sent.requestId, amountCents: 10_000 });

    expect(await requestState(db, tenant.id, sent.requestId)).toEqual({ state: "paid", paidCents: 10_000 });
    expect(await openPaymentLink(db, { tenantId: tenant.id, token })).toMatchObject({ ok: true, statementCents: 30_000, paidSinceCents: 10_000, remainingCents: 20_000 });
  });

  it("ties a payment of another amount, chosen on the ordinary amount page, to the link the visit began at", async () => {
    const live = await livePractice(db, "demo");
    const patient = await addPatient(db, live.tenant.id);
    const sent = await sendSingleRequest(db, { tenantId: live.tenant.id, userId: live.ownerId, patientId: patient.id, channels: ["sms"] });
    if (!sent.ok) throw new Error(sent.code);
    await openPaymentLink(db, { tenantId: live.tenant.id, token: tokenFrom((await messagesOf(db, sent.requestId))[0]!.body), record: true });
    const { session } = await createPatientSession(db, {
      tenantId: live.tenant.id,
      patientId: patient.id,
      clinicId: null,
      purpose: "message-link",
      verified: true,
      paymentRequestId: sent.requestId,
    });
    // The amount page doesn't know where the visit began; it starts an ordinary portal payment.
    const started = await startPatientPayment(db, { tenant: live.tenant, session, amountCents: 2_500, source: "portal" });
    if (!started.ok) throw new Error(started.code);
    const [payment] = await db.select().from(payments).where(and(eq(payments.id, started.paymentId)));
    expect(payment).toMatchObject({ paymentRequestId: sent.requestId, source: "message_to_pay" });

    // An ordinary portal visit is never tied to a request, even for a patient who has one.
    const { session: portal } = await createPatientSession(db, { tenantId: live.tenant.id, patientId: patient.id, clinicId: null, purpose: "pay-now" });
    const viaPortal = await startPatientPayment(db, { tenant: live.tenant, session: portal, amountCents: 2_500, source: "portal" });
    if (!viaPortal.ok) throw new Error(viaPortal.code);
    const [p2] = await db.select().from(payments).where(eq(payments.id, viaPortal.paymentId));
    expect(p2?.paymentRequestId).toBeNull();
  });
});
