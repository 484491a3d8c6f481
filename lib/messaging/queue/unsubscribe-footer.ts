import { oneClickUnsubscribeUrl, unsubscribeUrl } from "../unsubscribe-token";

// Every queued email carries a one-click unsubscribe (RFC 8058 headers) and a visible footer link. The token is
// deterministic, so a replayed batch is byte-identical and the provider's idempotency check still matches.

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** List-Unsubscribe headers for `email` at the practice. */
export function unsubscribeHeaders(slug: string, tenantId: string, email: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${oneClickUnsubscribeUrl(slug, tenantId, email)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** The html and text bodies with an unsubscribe footer, unless the content already links to the page. */
export function withUnsubscribeFooter(slug: string, tenantId: string, email: string, body: { html: string | null; text: string }): { html: string | null; text: string } {
  const url = unsubscribeUrl(slug, tenantId, email);
  const text = body.text.includes(url) ? body.text : `${body.text}\n\n--\nUnsubscribe / Cancelar suscripción: ${url}`;
  if (body.html === null || body.html.includes(escapeHtml(url)) || body.html.includes(url)) return { html: body.html, text };
  const footer =
    `<p style="margin-top:24px;font-size:12px;color:#475569">` +
    `Don't want these emails? <a href="${escapeHtml(url)}">Unsubscribe</a>. ` +
    `¿No quiere recibir estos correos? <a href="${escapeHtml(url)}">Cancelar suscripción</a>.</p>`;
  const at = body.html.search(/<\/body>/i);
  const html = at === -1 ? body.html + footer : body.html.slice(0, at) + footer + body.html.slice(at);
  return { html, text };
}
