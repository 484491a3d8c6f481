// GET /api/dashboard/qr?clinic=<slug>&format=png|svg — the signed-in practice's portal QR code as a download.
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clinics } from "@/db/schema";
import { checkMemberAccess } from "@/lib/auth/access";
import { readSessionRequest } from "@/lib/auth/session-request";
import { portalLinks, qrPng, qrSvg } from "@/lib/tenancy/portal-links";

export async function GET(request: Request) {
  const db = await getDb();
  const access = await checkMemberAccess(db, await readSessionRequest());
  if (!access.ok) return Response.json({ error: { code: "unauthenticated" } }, { status: 401 });
  const { tenant } = access.ctx;
  const params = new URL(request.url).searchParams;
  const clinicList = await db.select().from(clinics).where(eq(clinics.tenantId, tenant.id)).orderBy(asc(clinics.createdAt));
  // The link is looked up among this practice's own links: another practice's clinic slug finds nothing.
  const link = portalLinks(tenant.slug, clinicList).find((l) => l.clinicSlug === (params.get("clinic") || null));
  if (!link) return Response.json({ error: { code: "not_found" } }, { status: 404 });
  const name = `${tenant.slug}${link.clinicSlug ? `-${link.clinicSlug}` : ""}-qr`;
  if (params.get("format") === "png") {
    return new Response(new Uint8Array(await qrPng(link.url)), {
      headers: { "Content-Type": "image/png", "Content-Disposition": `attachment; filename="${name}.png"`, "Cache-Control": "private, no-store" },
    });
  }
  return new Response(await qrSvg(link.url), {
    headers: { "Content-Type": "image/svg+xml", "Content-Disposition": `attachment; filename="${name}.svg"`, "Cache-Control": "private, no-store" },
  });
}
