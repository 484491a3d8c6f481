// POST /u/<token>/one-click (patient host) — RFC 8058 one-click unsubscribe, and the confirm page's button
import { getDb } from "@/db/client";
import { unsubscribeByLink } from "@/lib/messaging/unsubscribe";

type Context = { params: Promise<{ tenant: string; token: string }> };

export async function POST(req: Request, { params }: Context): Promise<Response> {
  const { tenant, token } = await params;
  const form = new URLSearchParams(await req.text());
  const fromPage = form.get("confirm") === "1";
  // Mail clients POST exactly `List-Unsubscribe=One-Click`; anything else is not an unsubscribe request.
  if (!fromPage && form.get("List-Unsubscribe") !== "One-Click") {
    return Response.json({ error: { code: "bad_request", message: "Expected List-Unsubscribe=One-Click." } }, { status: 400 });
  }
  if (!(await unsubscribeByLink(await getDb(), tenant, token, fromPage ? "page" : "one-click"))) {
    return Response.json({ error: { code: "invalid_link", message: "This unsubscribe link is not valid." } }, { status: 404 });
  }
  if (fromPage) return new Response(null, { status: 303, headers: { Location: `/u/${encodeURIComponent(token)}`, "Cache-Control": "no-store" } });
  return Response.json({ unsubscribed: true });
}

// Someone who opens the one-click address in a browser gets the confirm page instead.
export async function GET(_req: Request, { params }: Context): Promise<Response> {
  const { token } = await params;
  return new Response(null, { status: 303, headers: { Location: `/u/${encodeURIComponent(token)}` } });
}
