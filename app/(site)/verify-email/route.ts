// GET /verify-email?token=… — the link in the "confirm your email" message.
import { getDb } from "@/db/client";
import { confirmEmailToken } from "@/lib/auth/email-verification";

export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const email = await confirmEmailToken(await getDb(), token);
  // Relative Location keeps the visitor on the host they came in on (always the root host here).
  return new Response(null, { status: 303, headers: { Location: email ? "/dashboard/new-practice?verified=1" : "/verify-email/expired", "Cache-Control": "no-store" } });
}
