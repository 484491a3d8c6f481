import QRCode from "qrcode";
import type { Clinic } from "@/db/schema";
import { tenantUrl } from "./urls";

export interface PortalLink {
  label: string;
  url: string;
  clinicSlug: string | null;
}

/** The practice-wide link plus one per clinic (only when there are several clinics). */
export function portalLinks(slug: string, clinics: Pick<Clinic, "slug" | "name">[]): PortalLink[] {
  const links: PortalLink[] = [{ label: clinics.length > 1 ? "All clinics" : (clinics[0]?.name ?? "Your practice"), url: tenantUrl(slug), clinicSlug: null }];
  if (clinics.length > 1) for (const c of clinics) links.push({ label: c.name, url: tenantUrl(slug, `/c/${c.slug}`), clinicSlug: c.slug });
  return links;
}

/** A QR code for the link as SVG markup (scales to any print size). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/** A QR code for the link as a PNG, for tools that don't take SVG. */
export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 1024 });
}

/** Ready-to-paste HTML for the practice's website: a plain link styled as a button. */
export function websiteButtonHtml(url: string, practiceName: string, accent: string): string {
  const escaped = practiceName.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  return `<a href="${url}" style="display:inline-block;padding:14px 24px;border-radius:10px;background:${accent};color:#fff;font:600 18px/1.2 system-ui,sans-serif;text-decoration:none" aria-label="Pay your bill online with ${escaped}">Pay your bill online</a>`;
}
