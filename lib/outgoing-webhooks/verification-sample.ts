// The receiver-side verification code we publish on the API reference page. A test evaluates this very text,
// so the documentation can't drift from what our signer produces.

export const VERIFY_SAMPLE_IMPORT = `import crypto from "node:crypto";`;

export const VERIFY_SAMPLE_FUNCTION = `// rawBody: the request body exactly as received (a string), before any JSON parsing.
function verifyChairsideSignature(secret, header, rawBody, toleranceSeconds = 300) {
  const parts = Object.fromEntries(String(header).split(",").map((p) => p.trim().split("=")));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = crypto.createHmac("sha256", secret).update(\`\${timestamp}.\${rawBody}\`).digest("hex");
  const given = String(parts.v1 ?? "");
  return given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}`;

/** The whole sample as shown to practices. */
export const VERIFY_SAMPLE = `${VERIFY_SAMPLE_IMPORT}\n\n${VERIFY_SAMPLE_FUNCTION}\n\n// In your handler: if (!verifyChairsideSignature(process.env.CHAIRSIDE_WEBHOOK_SECRET, req.headers["chairside-signature"], rawBody)) return res.status(400).end();\n// Then dedupe on the Chairside-Event-Id header: a retried event keeps its id.`;
