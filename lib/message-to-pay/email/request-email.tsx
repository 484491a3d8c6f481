import { Body, Button, Container, Head, Hr, Html, Img, Link, Preview, Section, Text } from "@react-email/components";
import { render } from "@react-email/render";

// The Message-to-Pay email, in the practice's branding. React Email renders it ONCE per practice and send with
// placeholders; each patient's copy is then a string substitution, so a 10,000-patient batch doesn't render
// 10,000 React trees. Placeholders are plain upper-case words: html-to-text neither wraps nor re-cases them.

export interface EmailBranding {
  practiceName: string;
  logoDataUrl: string | null;
  accentColor: string;
}

export interface EmailVariables {
  /** The rendered email body (plain text; blank lines separate paragraphs). */
  body: string;
  /** "$245.50". */
  balance: string;
  payUrl: string;
  officePhone: string | null;
  unsubscribeUrl: string;
}

const P = { body: "CSBODYPLACEHOLDER", balance: "CSBALANCEPLACEHOLDER", payUrl: "CSPAYURLPLACEHOLDER", phone: "CSPHONEPLACEHOLDER", unsub: "CSUNSUBPLACEHOLDER" } as const;

function RequestEmail({ branding }: { branding: EmailBranding }) {
  const accent = branding.accentColor;
  return (
    <Html lang="en">
      <Head />
      <Preview>{`Your balance with ${branding.practiceName}`}</Preview>
      <Body style={{ backgroundColor: "#f1f5f9", fontFamily: "Helvetica, Arial, sans-serif", color: "#0f172a" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 8, margin: "24px auto", padding: 24, maxWidth: 520 }}>
          <Section>
            {branding.logoDataUrl ? <Img src={branding.logoDataUrl} alt="" width={48} height={48} /> : null}
            <Text style={{ fontSize: 20, fontWeight: 700, margin: "8px 0" }}>{branding.practiceName}</Text>
          </Section>
          <Text style={{ fontSize: 16, lineHeight: "24px" }}>{P.body}</Text>
          <Section style={{ border: "1px solid #e2e8f0", borderRadius: 8, padding: 16, margin: "16px 0" }}>
            <Text style={{ margin: 0, color: "#334155" }}>Balance due</Text>
            <Text style={{ margin: 0, fontSize: 28, fontWeight: 700 }}>{P.balance}</Text>
          </Section>
          <Button href={P.payUrl} style={{ backgroundColor: accent, color: "#ffffff", borderRadius: 8, padding: "14px 24px", fontSize: 18, fontWeight: 700, display: "block", textAlign: "center" }}>
            Pay now
          </Button>
          <Hr style={{ margin: "24px 0", borderColor: "#e2e8f0" }} />
          <Text style={{ fontSize: 13, color: "#475569" }}>Questions? Call {P.phone}</Text>
          <Text style={{ fontSize: 13, color: "#475569" }}>
            Don&apos;t want these emails? <Link href={P.unsub}>Unsubscribe</Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function bodyHtml(body: string): string {
  return body
    .split(/\n{2,}/)
    .map((para) => escapeHtml(para).replaceAll("\n", "<br>"))
    .join("<br><br>");
}

export type EmailRenderer = (vars: EmailVariables) => { html: string; text: string };

/** Renders the practice's email layout once and returns a fast per-patient filler: HTML and the plain-text part. */
export async function prepareRequestEmail(branding: EmailBranding): Promise<EmailRenderer> {
  const element = <RequestEmail branding={branding} />;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return (vars) => {
    const phone = vars.officePhone ?? "the office";
    const fill = (s: string, body: string, esc: (v: string) => string) =>
      s
        .replaceAll(P.body, body)
        .replaceAll(P.balance, esc(vars.balance))
        .replaceAll(P.payUrl, esc(vars.payUrl))
        .replaceAll(P.phone, esc(phone))
        .replaceAll(P.unsub, esc(vars.unsubscribeUrl));
    return { html: fill(html, bodyHtml(vars.body), escapeHtml), text: fill(text, vars.body, (v) => v) };
  };
}
