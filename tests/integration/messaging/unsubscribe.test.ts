import { describe, expect, it } from "vitest";
import { GET as openOneClick, POST as oneClick } from "@/app/t/[tenant]/u/[token]/one-click/route";
import { isOptedOut } from "@/lib/messaging/opt-outs";
import { processQueue } from "@/lib/messaging/queue/process-queue";
import { isUnsubscribed, unsubscribeTarget } from "@/lib/messaging/unsubscribe";
import { unsubscribeToken } from "@/lib/messaging/unsubscribe-token";
import { changeSubdomain } from "@/lib/support/change-subdomain";
import { makeUser } from "../../support/factories";
import { DAYTIME, queueMessages, reload, sendingPractice, setUpMessagingHarness } from "./queue-harness";

const harness = setUpMessagingHarness();


/** A POST to /u/<token>/one-click on `slug`'s host, as the middleware hands it to the route. */
function post(slug: string, token: string, body: string) {
  const req = new Request(`http://${slug}.localhost:3000/u/${token}/one-click`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
  return oneClick(req, { params: Promise.resolve({ tenant: slug, token }) });
}

describe("unsubscribing from a practice's email", () => {
  it("opts the address out with the RFC 8058 one-click POST from the List-Unsubscribe header, and later emails are canceled", async () => {
    const practice = await sendingPractice(harness.db);
    const email = `one.click.${Date.now()}@example.com`;
    // The link a sent email carried.
    const [first] = await queueMessages(harness.db, practice, "email", 1, { to: () => email });
    await processQueue(harness.db, DAYTIME);
    const header = harness.fakes.resend.emails.find((e) => e.to.includes(email))!.headers!["List-Unsubscribe"]!;
    const token = /\/u\/([^/]+)\/one-click>$/.exec(header)![1]!;
    expect((await reload(harness.db, [first!]))[0]!.status).toBe("sent");

    const res = await post(practice.slug, token, "List-Unsubscribe=One-Click");

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ unsubscribed: true });
    expect(await isOptedOut(harness.db, practice.tenantId, "email", email)).toBe(true);
    const [next] = await queueMessages(harness.db, practice, "email", 1, { to: () => email });
    await processQueue(harness.db, DAYTIME);
    expect((await reload(harness.db, [next!]))[0]).toMatchObject({ status: "canceled", error: "opted out" });
    // Clicking again is harmless.
    expect((await post(practice.slug, token, "List-Unsubscribe=One-Click")).status).toBe(200);
  });

  it("unsubscribes from the confirm page's button and sends the patient back to the page, which now says so", async () => {
    const practice = await sendingPractice(harness.db);
    const email = `page.${Date.now()}@example.com`;
    const token = unsubscribeToken(practice.tenantId, email);
    const target = await unsubscribeTarget(harness.db, practice.slug, token);
    expect(target).toMatchObject({ tenantId: practice.tenantId, email });
    expect(await isUnsubscribed(harness.db, target!)).toBe(false);

    const res = await post(practice.slug, token, "confirm=1");

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/u/${token}`);
    expect(await isUnsubscribed(harness.db, target!)).toBe(true);
  });

  it("refuses a link opened on another practice's host, an altered token and a POST without the one-click body", async () => {
    const practice = await sendingPractice(harness.db);
    const other = await sendingPractice(harness.db);
    const email = `refused.${Date.now()}@example.com`;
    const token = unsubscribeToken(practice.tenantId, email);

    const elsewhere = await post(other.slug, token, "List-Unsubscribe=One-Click");
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toMatchObject({ error: { code: "invalid_link" } });
    expect(await unsubscribeTarget(harness.db, other.slug, token)).toBeNull();

    const altered = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
    expect((await post(practice.slug, altered, "List-Unsubscribe=One-Click")).status).toBe(404);

    const noBody = await post(practice.slug, token, "");
    expect(noBody.status).toBe(400);

    expect(await isOptedOut(harness.db, practice.tenantId, "email", email)).toBe(false);
    expect(await isOptedOut(harness.db, other.tenantId, "email", email)).toBe(false);
  });

  it("still unsubscribes with a one-click link from an email sent before the practice changed its subdomain", async () => {
    const practice = await sendingPractice(harness.db);
    const email = `renamed.${Date.now()}@example.com`;
    const token = unsubscribeToken(practice.tenantId, email);
    const support = await makeUser(harness.db, { platformRole: "support" });
    const moved = await changeSubdomain(harness.db, { userId: support.id, email: support.email }, { practiceId: practice.tenantId, slug: `moved-${Date.now().toString(36)}` });
    expect(moved).toMatchObject({ ok: true, oldSlug: practice.slug });

    const res = await post(practice.slug, token, "List-Unsubscribe=One-Click");

    expect(res.status).toBe(200);
    expect(await isOptedOut(harness.db, practice.tenantId, "email", email)).toBe(true);
  });

  it("sends someone who opens the one-click address in a browser to the confirm page without unsubscribing them", async () => {
    const practice = await sendingPractice(harness.db);
    const email = `browser.${Date.now()}@example.com`;
    const token = unsubscribeToken(practice.tenantId, email);
    const res = await openOneClick(new Request(`http://${practice.slug}.localhost:3000/u/${token}/one-click`), { params: Promise.resolve({ tenant: practice.slug, token }) });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/u/${token}`);
    expect(await isOptedOut(harness.db, practice.tenantId, "email", email)).toBe(false);
  });
});
